-- A person's way in and out: self-registration (R-AUTH-4), deletion (R-MEM-8), age-out (R-MEM-9), and the
-- transfers still open (fed by transfer-service's events) that block a deletion.

-- 团员团干部注册: a logged-in person asks to join an org; its admin (or one above) decides within 10 days.
create table registration (
    id            bigserial   primary key,
    id_number     text        not null,            -- the applicant, from their token (upper-case)
    org_id        bigint      not null,
    org_path      text        not null,            -- from the tree replica, for "pending in my subtree"
    kind          text        not null check (kind in ('MEMBER', 'CADRE')),
    post_title    text,                            -- CADRE only
    profile       jsonb       not null,            -- the fields of an admin's entry (NewPerson)
    state         text        not null default 'PENDING'
                      check (state in ('PENDING', 'APPROVED', 'REJECTED', 'WITHDRAWN', 'EXPIRED')),
    requested_at  timestamptz not null,
    closed_at     timestamptz,
    closed_by     text,                            -- null when expired
    reason        text                             -- rejection reason, read by the applicant
);
-- one open request per person; a race on the second one ends in a unique violation
create unique index registration_one_pending on registration (id_number) where state = 'PENDING';
create index registration_pending_path on registration (org_path text_pattern_ops, id) where state = 'PENDING';
create index registration_pending_age on registration (requested_at) where state = 'PENDING';
create index registration_person on registration (id_number, id);

-- Ended memberships, kept for audit (deletion, age-out): the membership row itself is gone.
create table membership_end (
    id_number  text        not null references person (id_number) on update cascade,
    branch_id  bigint      not null,
    org_path   text        not null,
    since      timestamptz not null,
    ended_at   timestamptz not null default now(),
    reason     text        not null
);
create index membership_end_person on membership_end (id_number);

-- Transfers open in transfer-service (TransferRequested until TransferApproved / TransferClosed).
create table open_transfer (
    transfer_id   bigint      primary key,
    id_number     text        not null,
    from_org_id   bigint      not null,
    to_org_id     bigint      not null,
    requested_at  timestamptz not null default now()
);
create index open_transfer_person on open_transfer (id_number);

-- R-MEM-9: the daily age-out looks people up by birth date
create index person_birth_date on person (birth_date) where deleted_at is null;
