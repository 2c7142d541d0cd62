-- an org's migrations, newest first: what its admins asked for and how each ended (the requester's view, R-ORG-7)
create index org_migration_of_org on org_migration (org_id, id);
