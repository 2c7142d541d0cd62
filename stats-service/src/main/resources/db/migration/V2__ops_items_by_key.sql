-- 操作中心 (R-OPS-1) items keyed by text — an import job (its UUID), a person (their ID number) — beside those keyed
-- by a number (registration, transfer, migration): ref_key is '' for the latter, ref_id 0 for the former.
alter table pending_item add column ref_key text not null default '';
alter table pending_item drop constraint pending_item_pkey;
alter table pending_item add primary key (kind, ref_id, ref_key);

-- Items listed for a while only (an import's result: 30 days); null: listed until an event takes it out.
alter table pending_item add column listed_until timestamptz;
create index pending_item_listed_until on pending_item (listed_until) where listed_until is not null;
