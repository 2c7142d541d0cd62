-- Admin registration codes (R-ADM-3): made by the direct parent's admin for one direct child, stored only as
-- the SHA-256 of the random code, single use, expiring after 30 days. A new code for the same child replaces
-- the unused old one, so a child has at most one live code. Used and replaced codes stay as history.
create table admin_code (
    code_hash   text        primary key,
    org_id      bigint      not null references org (id) on delete cascade,
    issued_by   text        not null,
    issued_at   timestamptz not null default now(),
    expires_at  timestamptz not null,
    used_by     text,
    used_at     timestamptz,
    replaced_at timestamptz
);
create unique index admin_code_live on admin_code (org_id) where used_at is null and replaced_at is null;
