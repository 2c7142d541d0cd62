-- What org-service knows of people, kept from member-service's events: who is a member of which branch,
-- who holds which post where, and whether their profile has a mobile number. Used for R-ORG-2 (a branch's
-- people move to a pending branch), R-ORG-5 (completeness), R-ORG-9 (small orgs) and R-ADM-2 (admins are
-- cadres of the org).
create table org_member (
    id_number text   not null primary key,
    branch_id bigint not null
);
create index org_member_branch on org_member (branch_id);

create table org_post (
    org_id    bigint not null,
    id_number text   not null,
    title     text   not null,
    primary key (org_id, id_number, title)
);
create index org_post_person on org_post (id_number);

create table person_profile (
    id_number  text    not null primary key,
    name       text    not null,
    has_mobile boolean not null
);
