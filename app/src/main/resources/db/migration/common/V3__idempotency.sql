-- The calls made with a request id: written in the transaction that stores the call's events, so a call is
-- either done and recorded, or neither. A retry within the window answers with the lead at the recorded version.
create table idempotency_record (
    user_id varchar(64) not null,
    request_id varchar(200) not null,
    method varchar(16) not null,
    body_hash varchar(64) not null,
    lead_id varchar(32) not null,
    lead_version bigint not null,
    recorded_at timestamp(6) with time zone not null,
    primary key (user_id, request_id)
);
create index idempotency_record_age on idempotency_record (recorded_at);
