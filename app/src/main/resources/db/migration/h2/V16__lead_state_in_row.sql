-- A lead's folded state is kept in its row, not as a large object beside it. H2 keeps every large object in a
-- store of its own: reading one costs a second lookup and writing one a second write, so a read of lead_view ran
-- many times slower than a read of a column in the row, and a reader could fail when a concurrent update dropped
-- the large object it was about to read (H2 issue 1808). PostgreSQL keeps these columns as text already.
alter table lead_view alter column state set data type character varying;
alter table lead_view_rebuild alter column state set data type character varying;
alter table lead_checkpoint alter column state set data type character varying;
alter table lead_checkpoint_rebuild alter column state set data type character varying;
