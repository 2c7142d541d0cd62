-- R-SRCH-1: orgs are searched by full name, anywhere in the name (trigram index), within the caller's subtree.
create extension if not exists pg_trgm;
create index org_full_name_trigram on org using gin (full_name gin_trgm_ops);
