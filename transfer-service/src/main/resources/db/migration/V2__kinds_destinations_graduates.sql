-- Kinds of transfer and where they go (R-TR-4 batch, R-TR-8 special unit, R-TR-9 system outside, R-TR-11 graduates).
-- A transfer leaving the tree has no target org.
alter table transfer
    add column kind              text not null default 'ORDINARY',
    add column destination_type  text,            -- a graduate's 去向 (DestinationType), null for others
    add column external_system   text,            -- BEIJING / GUANGDONG / FUJIAN (R-TR-9)
    add column destination_note  text,            -- special unit's note (R-TR-8) or the typed full name (R-TR-9)
    add column provincial_org_id bigint,          -- the out-side's provincial-level org approving a special unit
    alter column target_org_id drop not null,
    alter column target_path drop not null;

-- R-MEM-10: who is a graduate, as member-service flags them; delayed graduates and teachers are not.
alter table member_copy
    add column graduate          boolean not null default false,
    add column delayed_graduate  boolean not null default false,
    add column teacher           boolean not null default false;

-- R-TR-11 (FAQ 62, 63): a graduate's job, reported by them or an admin over their branch. A graduate with a job
-- may not use the 未就业 channel; a 流动团支部 moves such a member out within a month of the report.
create table job_report (
    id_number    text        primary key,
    employer     text        not null,
    reported_by  text        not null,
    reported_at  timestamptz not null
);
-- members of one branch are found through member_copy.branch_id
create index member_copy_branch on member_copy (branch_id);
