-- Axon Framework's JPA event store, token store, saga store and dead-letter queue, as Axon 4.13's entities
-- expect them. Flyway owns the schema; Hibernate only validates it. Every payload, metadata and token column is
-- bytea: Hibernate's default for these @Lob columns on PostgreSQL is oid, large objects that are never collected.
-- The global index advances one at a time: with gaps of 50, events of concurrent transactions from several
-- instances can commit out of index order and tracking processors would skip them (Axon issue 3374).
create sequence domain_event_entry_seq start with 1 increment by 1;
create sequence association_value_entry_seq start with 1 increment by 1;

create table domain_event_entry (
    global_index bigint not null,
    sequence_number bigint not null,
    aggregate_identifier varchar(255) not null,
    event_identifier varchar(255) not null unique,
    payload_revision varchar(255),
    payload_type varchar(255) not null,
    time_stamp varchar(255) not null,
    type varchar(255),
    meta_data bytea,
    payload bytea not null,
    primary key (global_index),
    unique (aggregate_identifier, sequence_number)
);

create table snapshot_event_entry (
    sequence_number bigint not null,
    aggregate_identifier varchar(255) not null,
    event_identifier varchar(255) not null unique,
    payload_revision varchar(255),
    payload_type varchar(255) not null,
    time_stamp varchar(255) not null,
    type varchar(255) not null,
    meta_data bytea,
    payload bytea not null,
    primary key (sequence_number, aggregate_identifier, type)
);

create table token_entry (
    segment integer not null,
    owner varchar(255),
    processor_name varchar(255) not null,
    timestamp varchar(255) not null,
    token_type varchar(255),
    token bytea,
    primary key (segment, processor_name)
);

create table saga_entry (
    revision varchar(255),
    saga_id varchar(255) not null,
    saga_type varchar(255),
    serialized_saga bytea,
    primary key (saga_id)
);

create table association_value_entry (
    id bigint not null,
    association_key varchar(255) not null,
    association_value varchar(255),
    saga_id varchar(255) not null,
    saga_type varchar(255),
    primary key (id)
);
create index association_value_entry_lookup on association_value_entry (saga_type, association_key, association_value);
create index association_value_entry_saga on association_value_entry (saga_id, saga_type);

create table dead_letter_entry (
    dead_letter_id varchar(255) not null,
    processing_group varchar(255) not null,
    sequence_identifier varchar(255) not null,
    sequence_index bigint not null,
    message_type varchar(255) not null,
    event_identifier varchar(255) not null,
    time_stamp varchar(255) not null,
    payload_type varchar(255) not null,
    payload_revision varchar(255),
    payload bytea not null,
    meta_data bytea,
    type varchar(255),
    aggregate_identifier varchar(255),
    sequence_number bigint,
    token_type varchar(255),
    token bytea,
    enqueued_at timestamp(6) with time zone not null,
    last_touched timestamp(6) with time zone,
    processing_started timestamp(6) with time zone,
    cause_type varchar(255),
    cause_message varchar(1023),
    diagnostics bytea,
    primary key (dead_letter_id),
    unique (processing_group, sequence_identifier, sequence_index)
);
create index dead_letter_entry_group on dead_letter_entry (processing_group);
create index dead_letter_entry_sequence on dead_letter_entry (processing_group, sequence_identifier);
