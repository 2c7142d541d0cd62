-- Org migration (组织迁移, R-ORG-7): an org below provincial level asks to move with its subtree under a new
-- parent in the same province; the old direct parent's admin approves, then the new parent's admin. No foreign
-- key to org: the history outlives a later deletion of the orgs it names.
create table org_migration (
    id            bigint generated always as identity primary key,
    org_id        bigint      not null,
    old_parent_id bigint      not null,
    new_parent_id bigint      not null,
    reason        text        not null,
    requested_by  text        not null,
    requested_at  timestamptz not null default now(),
    state         text        not null check (state in ('AWAITING_OLD_PARENT', 'AWAITING_NEW_PARENT', 'MOVED',
                                                         'REJECTED', 'WITHDRAWN')),
    closed_at     timestamptz
);

-- one open migration per org
create unique index org_migration_one_open on org_migration (org_id)
    where state in ('AWAITING_OLD_PARENT', 'AWAITING_NEW_PARENT');
-- what waits for a decision, by the org that decides (the operation centre, R-OPS-1)
create index org_migration_awaiting_old on org_migration (old_parent_id, id) where state = 'AWAITING_OLD_PARENT';
create index org_migration_awaiting_new on org_migration (new_parent_id, id) where state = 'AWAITING_NEW_PARENT';

-- every step of a migration: who acted, as what, when and why
create table org_migration_step (
    migration_id bigint      not null references org_migration (id),
    seq          integer     not null,
    action       text        not null check (action in ('REQUESTED', 'APPROVED', 'REJECTED', 'WITHDRAWN')),
    acted_as     text check (acted_as in ('OLD_PARENT', 'NEW_PARENT')),
    id_number    text        not null,
    reason       text,
    acted_at     timestamptz not null default now(),
    primary key (migration_id, seq)
);
