create table applied_effect (
    event_id uuid not null,
    note     text not null
);
create table business_change (
    id   bigserial primary key,
    name text not null
);
