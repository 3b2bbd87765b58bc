-- The last fan-out result of each tenant (db migrate --tenants): how it ended, the scripts it applied, the
-- error and failing script if any, and when. Under rls one run serves every rls tenant, so each gets the row.
-- The dashboard's tenants panel shows it. Only the admin role can read it.
CREATE TABLE toolkit.tenant_runs (
    tenant_id text PRIMARY KEY REFERENCES toolkit.tenants (id) ON DELETE CASCADE,
    state text NOT NULL,
    applied text[] NOT NULL DEFAULT '{}',
    error text,
    failing_script text,
    finished_at timestamptz NOT NULL DEFAULT now()
);
