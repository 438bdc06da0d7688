-- Each lead's history, one row per entry as leads/history lists it, written by the lead-view projection in the
-- command's transaction. A lead's entries are numbered from 0 without gaps (ordinal), so an unfiltered page is a
-- range of the primary key and the lead's last entry tells how many it has; each filter has an index ordered by
-- ordinal within the lead, so a filtered page is a range of it.
create table lead_history_entry (
    lead_id varchar(32) not null,
    ordinal bigint not null,
    sequence_number bigint not null,
    event varchar(64) not null,
    field varchar(64) not null,
    user_id varchar(64),
    unit_id varchar(64),
    performed_date timestamp(6) with time zone not null,
    request_id varchar,
    -- the Java kind of old_value and new_value, each stored as the service's own JSON
    value_kind varchar(16) not null,
    old_value varchar,
    new_value varchar,
    -- the latest performed date of this entry's event and of every event before it: never goes back, so the
    -- next event's entries carry it on, and a checkpoint takes it
    reached_date timestamp(6) with time zone not null,
    primary key (lead_id, ordinal)
);
create index lead_history_entry_field on lead_history_entry (lead_id, field, ordinal);
create index lead_history_entry_user on lead_history_entry (lead_id, user_id, ordinal);
create index lead_history_entry_date on lead_history_entry (lead_id, performed_date);
create index lead_history_entry_sequence on lead_history_entry (lead_id, sequence_number);

-- Where a rebuild makes the history beside the live one.
create table lead_history_entry_rebuild as select * from lead_history_entry where 1 = 0;
create unique index lead_history_entry_rebuild_key on lead_history_entry_rebuild (lead_id, ordinal);
