-- Changes of the catalogue while the service runs (contract section 6).
--
-- Each kind's revision, raised in the transaction of every change of the kind. Its row is also the kind's lock:
-- changes of one kind are made one at a time, which keeps names and codes unique among the active entries. Every
-- instance reads the revisions at the start of each call and drops what it keeps of a kind whose revision moved.
create table catalogue_revision (
    kind varchar(40) not null primary key,
    revision bigint not null
);
insert into catalogue_revision (kind, revision) values
    ('statuses', 0), ('lost_reasons', 0), ('categories', 0), ('types', 0), ('groups', 0), ('units', 0), ('users', 0),
    ('competitors', 0), ('products', 0), ('product_types', 0), ('product_brands', 0), ('product_families', 0),
    ('subscription_packages', 0), ('privacy_levels', 0), ('communications', 0), ('contacts', 0),
    ('accounts_receivable', 0), ('addresses', 0);

-- The audit of the catalogue: one row per field a change set, with who, in which unit, when and in which call,
-- written in the change's own transaction. sequence_number counts an entry's changes, ordinal its rows. Values are
-- the entry's JSON values; a password is named, never given.
create table catalogue_change (
    kind varchar(40) not null,
    entry_id varchar(64) not null,
    ordinal bigint not null,
    sequence_number bigint not null,
    event varchar(32) not null,
    field varchar(64) not null,
    old_value varchar,
    new_value varchar,
    user_id varchar(64),
    unit_id varchar(64),
    performed_date timestamp(6) with time zone not null,
    request_id varchar(64),
    primary key (kind, entry_id, ordinal)
);
