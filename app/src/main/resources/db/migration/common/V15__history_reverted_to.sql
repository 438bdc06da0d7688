-- The version a revert brought the lead back to, on each history entry of a revert's events; null on every other.
alter table lead_history_entry add column reverted_to bigint;
alter table lead_history_entry_rebuild add column reverted_to bigint;
