-- What leads/list filters and sorts by, kept beside each lead's document so a filtered page is an index range.
alter table lead_view add column number_order bigint;
alter table lead_view add column contact_id varchar(64);
alter table lead_view add column contact_name varchar(255);
alter table lead_view add column contact_email varchar(255);
alter table lead_view add column accounts_receivable_id varchar(64);
alter table lead_view add column type_id varchar(64);
alter table lead_view add column category_id varchar(64);
alter table lead_view add column status_id varchar(64);
alter table lead_view add column owned_by_group_id varchar(64);
alter table lead_view add column assigned_to_user_id varchar(64);
alter table lead_view add column importance varchar(16);

create index lead_view_number on lead_view (number_order);
create index lead_view_contact on lead_view (contact_id, number_order);
create index lead_view_accounts_receivable on lead_view (accounts_receivable_id, number_order);
create index lead_view_type on lead_view (type_id, number_order);
create index lead_view_category on lead_view (category_id, number_order);
create index lead_view_status on lead_view (status_id, number_order);
create index lead_view_group on lead_view (owned_by_group_id, number_order);
create index lead_view_assigned_user on lead_view (assigned_to_user_id, number_order);
create index lead_view_importance on lead_view (importance, number_order);
create index lead_view_life_cycle_state on lead_view (life_cycle_state, number_order);
create index lead_view_updated on lead_view (updated_date);
