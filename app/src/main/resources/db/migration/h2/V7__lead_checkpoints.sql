-- Each lead as it stood after every so many of its events (leads.checkpoint-interval), written by the lead-view
-- projection in the command's transaction: a lead as of a version or a date is folded from the checkpoint before
-- it and the few events after. reached_date is the latest date of the events up to the checkpoint (see
-- lead_history_entry), so the last checkpoint before a date is an index seek.
create table lead_checkpoint (
    lead_id varchar(32) not null,
    version bigint not null,
    reached_date timestamp(6) with time zone not null,
    state character large object not null,
    primary key (lead_id, version)
);
create index lead_checkpoint_reached on lead_checkpoint (lead_id, reached_date, version);

-- Where a rebuild makes the checkpoints beside the live ones.
create table lead_checkpoint_rebuild as select * from lead_checkpoint where 1 = 0;
create unique index lead_checkpoint_rebuild_key on lead_checkpoint_rebuild (lead_id, version);
