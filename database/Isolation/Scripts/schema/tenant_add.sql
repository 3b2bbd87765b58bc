-- schema-per-tenant: the schema belongs to the admin; the tenant's role may only use it.
CREATE SCHEMA IF NOT EXISTS $schema$;
REVOKE ALL ON SCHEMA $schema$ FROM PUBLIC;
GRANT USAGE ON SCHEMA $schema$ TO $role$;
ALTER ROLE $role$ SET search_path = $schema$;
-- Every table the admin creates in the schema later is the tenant's to use from the moment it exists, so a fan-out
-- needs no GRANT per tenant (and no catalog scan for it). The journal is in schema toolkit and never covered.
ALTER DEFAULT PRIVILEGES IN SCHEMA $schema$ GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO $role$;
