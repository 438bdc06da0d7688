-- The privacy level each lead is at, beside its document, so a list or a total narrows to the leads open to the
-- caller in the query itself. Leads stored before take theirs from their document, which the service writes
-- compactly and with each value's type first.
alter table lead_view add column privacy_level_id varchar(64);
alter table lead_view_rebuild add column privacy_level_id varchar(64);
update lead_view set privacy_level_id = regexp_substr(state,
        '"PRIVACY_LEVEL":\{"type":"ENTITY","reference":\{"id":"([^"]+)"', 1, 1, '', 1);
