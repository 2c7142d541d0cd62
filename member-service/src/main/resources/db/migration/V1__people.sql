-- People (团员 and 团干部), one row per ID number in the whole system (R-AUTH-5), their membership
-- (组织关系, in exactly one branch, R-MEM-1) and their cadre posts (职务, in any number of orgs, R-MEM-2).
create extension if not exists pg_trgm;

create table person (
    id_number           text        primary key,  -- upper-case; also the login name (R-AUTH-1)
    name                text        not null,
    birth_date          date        not null,     -- from the ID number
    gender              text        not null,     -- from the ID number
    ethnicity           text,
    political_status    text        not null,     -- 团员, 中共党员, 中共预备党员, 群众, ...
    education           text,
    join_date           date,                     -- 入团时间
    development_number  text,                     -- 发展团员编号 (R-MEM-5)
    mobile              text,
    email               text,
    address             text,
    emergency_contact   text,
    emergency_phone     text,
    graduate            boolean     not null default false,
    delayed_graduate    boolean     not null default false,
    teacher             boolean     not null default false,
    verification        text        not null default 'UNVERIFIED'
                            check (verification in ('UNVERIFIED', 'PASSED', 'FAILED')),
    -- R-MEM-8: a deleted person is kept for audit, not erased
    deleted_at          timestamptz,
    deleted_by          text,
    deletion_reason     text,
    created_at          timestamptz not null default now(),
    updated_at          timestamptz not null default now()
);
create unique index person_development_number on person (development_number) where development_number is not null;
create index person_name_trgm on person using gin (name gin_trgm_ops);

-- the org's path (from the tree replica) is kept beside each membership and post, so that "everyone
-- in this subtree" is one indexed range query
create table membership (
    id_number  text        primary key references person (id_number),
    branch_id  bigint      not null,
    org_path   text        not null,
    since      timestamptz not null default now()
);
create index membership_branch on membership (branch_id, id_number);
create index membership_path on membership (org_path text_pattern_ops);

create table post (
    id_number  text   not null references person (id_number),
    org_id     bigint not null,
    title      text   not null,
    org_path   text   not null,
    primary key (id_number, org_id, title)
);
create index post_org on post (org_id, id_number);
create index post_path on post (org_path text_pattern_ops);
