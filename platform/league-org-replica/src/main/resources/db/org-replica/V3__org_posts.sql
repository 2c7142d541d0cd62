-- Who holds which post (职务) where, from member-service's PostsChanged events: with org_admin, this answers
-- "does the person belong to the org" when they choose it as their active org (切换其他组织, R-ADM-8).
create table org_post (
    org_id     bigint not null,
    id_number  text   not null,
    title      text   not null,
    primary key (id_number, org_id, title)
);
create index org_post_org on org_post (org_id);
