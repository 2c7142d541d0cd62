-- An uploaded file and the job that imports it. The file's bytes live here, so any replica can run the job and a
-- restarted one resumes it: rows up to resume_after_row are stored (their batch committed), the rest are not.
create table import_job (
    id               uuid primary key,
    uploader         varchar(18)  not null,
    org_id           bigint       not null,
    template         varchar(32)  not null,
    format           varchar(8)   not null,
    file_name        varchar(255) not null,
    file             bytea        not null,
    status           varchar(16)  not null,  -- QUEUED, RUNNING, DONE, FAILED, CANCELLED
    rows_total       integer,                -- data rows, known after the first pass over the file
    rows_read        integer      not null default 0,
    rows_checked     integer      not null default 0,
    rows_imported    integer      not null default 0,
    rows_already     integer      not null default 0,
    rows_failed      integer      not null default 0,
    resume_after_row integer      not null default 0,
    problem_code     varchar(64),
    problem_detail   text,
    lease_owner      varchar(64),
    lease_until      timestamptz,
    created_at       timestamptz  not null default now(),
    started_at       timestamptz,
    finished_at      timestamptz
);

create index import_job_claimable on import_job (created_at) where status in ('QUEUED', 'RUNNING');
create index import_job_uploader on import_job (uploader, created_at desc);

-- The failed rows: the cells as the file held them (template order) and why, for the failure workbook (R-IMP-2).
create table import_failure (
    job_id     uuid    not null references import_job (id) on delete cascade,
    row_number integer not null,
    cells      text[]  not null,
    reason     text    not null,
    primary key (job_id, row_number)
);
