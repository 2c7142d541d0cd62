-- 组织关系转接. One row per transfer; its steps are planned at the start (TransferPath) and passed in order.
create table transfer (
    id                bigserial primary key,
    id_number         text        not null,
    name              text        not null,
    initiator         text        not null,
    started_by        text        not null,
    reason            text        not null,
    from_branch_id    bigint      not null,
    from_parent_id    bigint,
    from_path         text        not null,
    target_org_id     bigint      not null,
    target_parent_id  bigint,
    target_path       text        not null,
    to_branch         boolean     not null,
    to_branch_id      bigint,
    steps             text        not null,  -- comma-separated TransferStep names
    done              integer     not null default 0,
    state             text        not null,
    current_step      text,                  -- null once ended
    waiting_at        bigint,                -- the org whose admins act now
    waiting_parent    bigint,                -- its direct parent, whose admins may act instead
    started_at        timestamptz not null,
    step_since        timestamptz not null,
    closed_at         timestamptz,
    ended_by          text,
    end_reason        text
);

-- R-TR-1: at most one open transfer per member, whatever races the application misses
create unique index transfer_one_open on transfer (id_number) where state = 'OPEN';
-- "我的组织关系转接历史"
create index transfer_by_person on transfer (id_number, id desc);
-- approvers' queues (R-TR-14)
create index transfer_waiting_at on transfer (waiting_at, started_at) where state = 'OPEN';
create index transfer_waiting_parent on transfer (waiting_parent, started_at) where state = 'OPEN';
-- R-TR-5 expiry scan
create index transfer_step_since on transfer (step_since) where state = 'OPEN';

-- R-TR-14: every move with who, when and why
create table transfer_entry (
    transfer_id  bigint      not null references transfer (id),
    seq          integer     not null,
    action       text        not null,
    step         text,
    acted_by     text,
    acted_at     timestamptz not null,
    reason       text,
    branch_id    bigint,
    primary key (transfer_id, seq)
);

-- Who a person is and where their membership is, as member-service's events say (R-TR-2 lookup by name + ID).
create table member_copy (
    id_number  text primary key,
    name       text,
    branch_id  bigint
);
