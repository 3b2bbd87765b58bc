-- schema-per-tenant: the schema belongs to the admin; the tenant's role may only use it.
CREATE SCHEMA IF NOT EXISTS $schema$;
REVOKE ALL ON SCHEMA $schema$ FROM PUBLIC;
GRANT USAGE ON SCHEMA $schema$ TO $role$;
ALTER ROLE $role$ SET search_path = $schema$;
