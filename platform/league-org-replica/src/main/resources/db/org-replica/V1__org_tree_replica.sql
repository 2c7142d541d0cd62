-- A read-only copy of org-service's tree, fed by league.org.events. No foreign keys: events of
-- different provincial trees arrive on different partitions, in no order relative to each other.
create table org (
    id               bigint primary key,
    parent_id        bigint,
    path             text   not null,
    type             text   not null,
    branch_kind      text,
    domain           text,
    school_level     text,
    full_name        text,
    short_name       text,
    province_code    text,
    tree_root_id     bigint,
    graduation_year  integer
);

-- "everything under X" and a subtree move are one range scan on the path prefix
create index org_path on org (path text_pattern_ops);

-- Who administers which org. ID numbers are stored upper-case (Keycloak hands them over lower-cased).
create table org_admin (
    org_id     bigint not null,
    id_number  text   not null,
    primary key (org_id, id_number)
);

create index org_admin_id_number on org_admin (id_number);
