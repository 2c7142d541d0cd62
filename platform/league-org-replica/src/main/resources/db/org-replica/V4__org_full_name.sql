-- "the org named X under the uploading org" (import-service's 所在团支部 column): without it every name a file gives is a
-- scan of the whole tree, 3.7 million orgs in a national replica
create index org_full_name on org (full_name);
