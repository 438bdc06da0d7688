-- The reference catalogue (contract section 6), kept in the database and shared by every instance on it. The file
-- leads.catalogue is imported into these tables on the first start against an empty catalogue and never read again.
--
-- One row per entry of every kind: the entry as the API shows it (JSON, in the catalogue file's own form), beside
-- the identifying fields of section 3 as columns, each indexed with the kind in front, so a lookup by any of them
-- is one index seek however many entries a kind holds (a million contacts). A user's password hash is not part of
-- the entry: it lives in user_password (migration 12), which from now on holds every user's hash.
create table catalogue_entry (
    kind varchar(40) not null,
    id varchar(64) not null,
    active boolean not null,
    entry varchar not null,
    name varchar(400),
    code varchar(200),
    alternative_code varchar(200),
    number varchar(200),
    username varchar(200),
    address_type varchar(100),
    primary key (kind, id)
);
create index catalogue_entry_name on catalogue_entry (kind, name);
create index catalogue_entry_code on catalogue_entry (kind, code);
create index catalogue_entry_alternative_code on catalogue_entry (kind, alternative_code);
create index catalogue_entry_number on catalogue_entry (kind, number);
create index catalogue_entry_username on catalogue_entry (kind, username);
create index catalogue_entry_address_type on catalogue_entry (kind, address_type);

-- The organisation users sign in to: one row.
create table catalogue_organisation (
    name varchar(200) not null primary key
);
