-- The lead read model: each lead's folded state as a JSON document, with the columns it is looked up by.
create table lead_view (
    lead_id varchar(32) not null primary key,
    lead_number varchar(32) not null unique,
    version bigint not null,
    life_cycle_state varchar(16) not null,
    updated_date timestamp(6) with time zone not null,
    state text not null
);

-- Numbers below 1000 are left to leads that come with a number of their own, such as the seeded leads.
create sequence lead_number_seq start with 1000 increment by 1;

-- Access tokens, kept as SHA-256 hashes: a copy of this table lets no one in.
create table access_token (
    token_hash varchar(64) not null primary key,
    user_id varchar(64) not null,
    unit_id varchar(64) not null,
    expires_at timestamp(6) with time zone not null
);
create index access_token_expiry on access_token (expires_at);
