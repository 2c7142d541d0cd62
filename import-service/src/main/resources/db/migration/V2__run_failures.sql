-- Runs of a job that failed for an unexpected reason since its last stored batch (member-service or the database
-- out of reach do not count): each pauses the job longer, the fifth fails it with IMPORT_BROKEN (R-IMP-2).
alter table import_job add column run_failures integer not null default 0;
