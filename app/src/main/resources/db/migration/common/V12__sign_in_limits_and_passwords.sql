-- Failed sign-ins, one row per username and one per client address, shared by every instance on the database so
-- that a second instance is no way around a lock. The subject is kept as the SHA-256 of 'username:' or 'address:'
-- and its value: a fixed size whatever a caller sends, and no address or typed name stored in the clear.
create table sign_in_failures (
    subject_hash varchar(64) not null primary key,
    failures integer not null,
    last_failure_at timestamp(6) with time zone not null,
    locked_until timestamp(6) with time zone
);
create index sign_in_failures_age on sign_in_failures (last_failure_at);

-- A password a user set with authentication/password: it takes the place of the catalogue's hash for that user.
create table user_password (
    user_id varchar(64) not null primary key,
    password_hash varchar(100) not null,
    changed_at timestamp(6) with time zone not null
);

create index access_token_user on access_token (user_id);
