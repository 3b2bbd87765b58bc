-- Before a fan-out, for its pending tenants ($schemas$ and $roles$: text arrays, pairwise): the default privileges
-- schema/tenant_add.sql sets, for the tenants provisioned before it set them and for an admin role other than the
-- one that provisioned (default privileges belong to the role creating the tables). Once per tenant and role:
-- a tenant that has them is left alone.
DO $defaults$
DECLARE t record;
BEGIN
    FOR t IN
        SELECT r.schema_name, r.role_name
        FROM unnest($schemas$::text[], $roles$::text[]) AS r(schema_name, role_name)
        JOIN pg_namespace n ON n.nspname = r.schema_name
        JOIN pg_roles g ON g.rolname = r.role_name
        WHERE (SELECT count(DISTINCT a.privilege_type)
               FROM pg_default_acl d, aclexplode(d.defaclacl) a
               WHERE d.defaclrole = (SELECT oid FROM pg_roles WHERE rolname = current_user) AND d.defaclnamespace = n.oid
                 AND d.defaclobjtype = 'r' AND a.grantee = g.oid AND a.privilege_type IN ('SELECT', 'INSERT', 'UPDATE', 'DELETE')) < 4
    LOOP
        EXECUTE format('ALTER DEFAULT PRIVILEGES IN SCHEMA %I GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO %I', t.schema_name, t.role_name);
    END LOOP;
END
$defaults$;
