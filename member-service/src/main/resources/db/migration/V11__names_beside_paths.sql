-- R-SRCH-1 name search within a middle-sized subtree (a county: thousands of members, a common surname among
-- them). With only the path beside a membership, the search read every membership of the subtree and then each
-- person's row to test the name. The name beside the path, in one index with it, lets the subtree's matches be
-- picked from the index before any person is read. Written with the membership or post, changed with the
-- person's name (ProfileStore.changeIdentity).
alter table membership add column name text;
update membership m set name = p.name from person p where p.id_number = m.id_number;
alter table membership alter column name set not null;
create index membership_path_name on membership (org_path text_pattern_ops, name collate "C");
drop index membership_path;

alter table post add column name text;
update post t set name = p.name from person p where p.id_number = t.id_number;
alter table post alter column name set not null;
create index post_path_name on post (org_path text_pattern_ops, name collate "C");
drop index post_path;
