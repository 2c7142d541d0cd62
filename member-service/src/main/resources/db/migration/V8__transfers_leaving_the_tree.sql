-- A transfer to a special unit (R-TR-8) or a system outside (R-TR-9) has no target org in this system.
alter table open_transfer alter column to_org_id drop not null;
