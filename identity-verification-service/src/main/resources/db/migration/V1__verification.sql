-- Every person member-service told of, with where their identity check stands (R-ID-1). The queue is the set of
-- rows with a due_at: the worker claims due rows (for update skip locked) under a lease; a verdict is applied only
-- by the claim that sent it (claim_id) and only to the details it checked (details_version, R-ID-2).
create table person (
    id_number        text        primary key,
    name             text        not null,
    status           text        not null default 'UNVERIFIED'
                                 check (status in ('UNVERIFIED', 'PASSED', 'FAILED')),
    reason           text,
    checked_at       timestamptz,
    failed_checks    integer     not null default 0,
    due_at           timestamptz,
    claim_id         bigint,
    claim_until      timestamptz,
    details_version  integer     not null default 0,
    entered_at       timestamptz not null default now()
);

create index person_due on person (due_at) where due_at is not null;
create index person_failed on person (id_number) where status = 'FAILED';

-- Where a person is: their branch (MEMBERSHIP) and the orgs of their cadre posts (POST), for scope (R-SCOPE-1).
create table person_org (
    id_number  text   not null,
    org_id     bigint not null,
    via        text   not null check (via in ('MEMBERSHIP', 'POST')),
    primary key (id_number, org_id, via)
);

create index person_org_org on person_org (org_id);

-- Every batch sent to the centre: who sent it, how it went (ops).
create table check_batch (
    id           bigserial   primary key,
    worker       text        not null,
    size         integer     not null,
    started_at   timestamptz not null default now(),
    finished_at  timestamptz,
    outcome      text        not null default 'SENT'
                             check (outcome in ('SENT', 'ANSWERED', 'FAILED')),
    passed       integer     not null default 0,
    failed       integer     not null default 0,
    error        text
);

-- Each verdict applied to a person, once (a person's history).
create table check_result (
    id          bigserial   primary key,
    id_number   text        not null,
    name        text        not null,
    status      text        not null,
    reason      text,
    batch_id    bigint      not null,
    checked_at  timestamptz not null
);

create index check_result_person on check_result (id_number, checked_at desc);
create unique index check_result_once on check_result (batch_id, id_number);
