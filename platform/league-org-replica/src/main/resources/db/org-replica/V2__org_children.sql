-- "the children of X, page by page" (choosing a transfer's target, R-TR-10) and "the provincial-level orgs"
create index org_children on org (parent_id, id);
create index org_tree_roots on org (id) where id = tree_root_id;
