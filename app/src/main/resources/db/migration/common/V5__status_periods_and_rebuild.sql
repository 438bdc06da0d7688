-- How long each lead spent in each status: one row per stay, open while the lead is still in it. Built by a
-- pooled streaming processor from the status events.
create table lead_status_period (
    lead_id varchar(32) not null,
    entered_sequence bigint not null,
    status_id varchar(64) not null,
    status_name varchar(255),
    life_cycle_state varchar(16) not null,
    entered_at timestamp(6) with time zone not null,
    left_at timestamp(6) with time zone,
    primary key (lead_id, entered_sequence)
);
create index lead_status_period_status on lead_status_period (status_id);

-- Where a rebuild of the lead read model is built beside the live one, which keeps answering meanwhile.
create table lead_view_rebuild as select * from lead_view where 1 = 0;
create unique index lead_view_rebuild_id on lead_view_rebuild (lead_id);
