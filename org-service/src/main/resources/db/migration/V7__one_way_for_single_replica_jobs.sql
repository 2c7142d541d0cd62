-- One replica at a time runs a job through ExclusiveBatches (an advisory lock per batch) in every service;
-- ShedLock's table is no longer used.
drop table shedlock;
