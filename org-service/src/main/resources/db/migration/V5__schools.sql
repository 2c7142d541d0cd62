-- R-ORG-8: one 学校机构编号 names one school in the whole country.
create unique index org_school_code_unique on org (school_code) where school_code is not null;

-- R-GRAD-3: the yearly conversion finds this year's marked branches without reading every org.
create index org_graduating_branches on org (graduation_year, id) where type = 'BRANCH' and graduation_year is not null;

-- ShedLock: one replica at a time runs a scheduled job (the graduation conversion).
create table shedlock (
    name       varchar(64)  not null primary key,
    lock_until timestamp    not null,
    locked_at  timestamp    not null,
    locked_by  varchar(255) not null
);
