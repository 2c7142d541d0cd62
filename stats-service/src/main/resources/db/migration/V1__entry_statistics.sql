-- The entry statistics (R-STAT-1, R-STAT-2) as a projection of member-service's events.

-- Per person, what the figures need: the branch holding their membership, the orgs where they hold a post, and
-- whether their info is complete (R-MEM-6, as member-service says on its events). The full recompute reads this.
create table person_fact (
    id_number     text     primary key,
    branch_id     bigint,
    post_org_ids  bigint[] not null default '{}',
    complete      boolean  not null default false
);

-- Per org, its own figures (people in it, not below it), kept up to date by every event: a roll-up reads 1 row per
-- org instead of every person. "people" counts members and cadres of the org once each (R-STAT-1, branches).
create table org_figure (
    org_id            bigint primary key,
    members           bigint not null default 0,
    members_complete  bigint not null default 0,
    cadres            bigint not null default 0,
    cadres_complete   bigint not null default 0,
    people            bigint not null default 0,
    people_complete   bigint not null default 0
);

-- The figures at a moment, normally a full hour (R-STAT-5); kept for trends.
create table snapshot (
    id        bigserial   primary key,
    as_of     timestamptz not null unique,
    millis    bigint      not null
);

-- Each org's subtree figures (the org and everything below it) by domain, at a snapshot. The parent is kept so
-- "the direct children of X" is one index range, as of the snapshot.
create table snapshot_figure (
    snapshot_id               bigint not null,
    org_id                    bigint not null,
    parent_id                 bigint,
    domain                    text   not null,
    leading_bodies            bigint not null,
    leading_bodies_complete   bigint not null,
    bodies                    bigint not null,
    bodies_complete           bigint not null,
    branches                  bigint not null,
    branches_complete         bigint not null,
    members                   bigint not null,
    members_complete          bigint not null,
    cadres                    bigint not null,
    cadres_complete           bigint not null,
    primary key (snapshot_id, org_id, domain)
);
create index snapshot_figure_children on snapshot_figure (snapshot_id, parent_id);

-- The 2017 团统 count of members per org, loaded by the national admin (R-STAT-2).
create table baseline (
    org_id   bigint primary key,
    members  bigint not null
);

-- 操作中心 (R-OPS-1): what waits for an org's admins — a self-registration, a transfer step, a migration step —
-- from the owners' events. Also listed for the direct parent's admins where they may act instead (FAQ 22).
create table pending_item (
    kind           text        not null,  -- REGISTRATION, TRANSFER, MIGRATION
    ref_id         bigint      not null,  -- the registration, transfer or migration
    org_id         bigint      not null,
    parent_org_id  bigint,
    from_org_id    bigint,
    to_org_id      bigint,
    subject        text        not null,  -- who or what it is about
    detail         text,
    waiting_since  timestamptz not null,
    due_at         timestamptz,           -- when it ends by itself if nobody acts (R-AUTH-4, R-TR-5)
    primary key (kind, ref_id)
);
create index pending_item_org on pending_item (org_id, due_at);
create index pending_item_parent on pending_item (parent_org_id, due_at) where parent_org_id is not null;

-- Messages to an org's admins: a transfer was rejected or expired, a migration was rejected.
create table ops_message (
    id           bigserial   primary key,
    org_id       bigint      not null,
    kind         text        not null,
    text         text        not null,
    occurred_at  timestamptz not null
);
create index ops_message_org on ops_message (org_id, occurred_at desc);
