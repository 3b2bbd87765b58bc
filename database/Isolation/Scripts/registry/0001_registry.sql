-- The tenant registry, in the admin database: which tenants exist, how they are isolated, and
-- (tenant_state) a fingerprint of the scripts each tenant has applied, so a fan-out can find
-- tenants with nothing pending in one query. Only the admin role can read it.
CREATE SCHEMA IF NOT EXISTS toolkit;
REVOKE ALL ON SCHEMA toolkit FROM PUBLIC;

CREATE TABLE toolkit.tenants (
    id text PRIMARY KEY,
    slug text NOT NULL UNIQUE,
    isolation text NOT NULL CHECK (isolation IN ('rls', 'schema-per-tenant', 'db-per-tenant')),
    role_name text NOT NULL UNIQUE,
    schema_name text NOT NULL,
    database_name text NOT NULL,
    created_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE toolkit.settings (
    key text PRIMARY KEY,
    value text NOT NULL
);

CREATE TABLE toolkit.tenant_state (
    tenant_id text PRIMARY KEY REFERENCES toolkit.tenants (id) ON DELETE CASCADE,
    fingerprint text NOT NULL,
    updated_at timestamptz NOT NULL DEFAULT now()
);

-- The tenant of the logged-in role. SECURITY DEFINER so tenants can call it without reading the
-- registry; session_user, not current_user, so SET ROLE cannot change the answer.
CREATE FUNCTION toolkit.current_tenant_id() RETURNS text
    LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog
    AS $fn$ SELECT id FROM toolkit.tenants WHERE role_name = session_user::text $fn$;
REVOKE ALL ON FUNCTION toolkit.current_tenant_id() FROM PUBLIC;
