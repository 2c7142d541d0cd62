-- The centre's quota is one for all replicas together: a token bucket in one row that every replica draws from
-- before each call (SharedQuota). tokens may go below zero: a caller that drew them waits until they are earned.
create table centre_quota (
    id           integer          primary key check (id = 1),
    tokens       double precision not null,
    refilled_at  timestamptz      not null
);

insert into centre_quota (id, tokens, refilled_at) values (1, 0, clock_timestamp());


-- Each check updates a person twice (claimed, then the verdict): room on every page keeps the claim's update on the
-- same page without new index entries (a HOT update).
alter table person set (fillfactor = 80);
