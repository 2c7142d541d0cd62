-- Runs once, when the postgres:17 container starts on an empty data directory
-- (mounted into /docker-entrypoint-initdb.d by docker-compose.yml).
-- One database per service; each service migrates its own schema with Flyway.
-- POSTGRES_USER=league is the superuser here, so it owns everything it creates.
CREATE DATABASE league_org OWNER league ENCODING 'UTF8';
CREATE DATABASE league_member OWNER league ENCODING 'UTF8';
CREATE DATABASE league_transfer OWNER league ENCODING 'UTF8';
CREATE DATABASE league_import OWNER league ENCODING 'UTF8';
CREATE DATABASE league_stats OWNER league ENCODING 'UTF8';
CREATE DATABASE league_identity OWNER league ENCODING 'UTF8';
