-- The privacy level each lead is at, beside its document, so a list or a total narrows to the leads open to the
-- caller in the query itself. Leads stored before take theirs from their document.
alter table lead_view add column privacy_level_id varchar(64);
alter table lead_view_rebuild add column privacy_level_id varchar(64);
update lead_view set privacy_level_id = state::jsonb #>> '{fields,PRIVACY_LEVEL,reference,id}';
