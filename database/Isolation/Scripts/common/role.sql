-- The tenant's login role: owns nothing, no BYPASSRLS, cannot create roles or databases.
DO $body$
BEGIN
    IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = $role_name$) THEN
        CREATE ROLE $role$ LOGIN INHERIT NOSUPERUSER NOCREATEDB NOCREATEROLE NOREPLICATION NOBYPASSRLS;
    END IF;
END
$body$;
ALTER ROLE $role$ WITH LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOBYPASSRLS PASSWORD $password$;
ALTER ROLE $role$ SET app.tenant_id = $tenant_id$;
GRANT USAGE ON SCHEMA toolkit TO $role$;
GRANT EXECUTE ON FUNCTION toolkit.current_tenant_id() TO $role$;
INSERT INTO toolkit.tenants (id, slug, isolation, role_name, schema_name, database_name)
VALUES ($tenant_id$, $slug$, $isolation$, $role_name$, $schema_name$, $database_name$)
ON CONFLICT (id) DO UPDATE SET slug = EXCLUDED.slug, isolation = EXCLUDED.isolation;
