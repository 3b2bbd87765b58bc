-- rls, after every migration: every table with tenant_id gets ENABLE and FORCE row level security and
-- one policy: a row is visible and writable only when its tenant_id is the logged-in role's tenant AND
-- the session's app.tenant_id. Changing the setting alone (SET, set_config) therefore reveals nothing.
DO $body$
DECLARE t record;
BEGIN
    FOR t IN
        SELECT c.relname FROM pg_class c
        JOIN pg_namespace n ON n.oid = c.relnamespace
        JOIN pg_attribute a ON a.attrelid = c.oid AND a.attname = 'tenant_id' AND NOT a.attisdropped
        WHERE n.nspname = 'app' AND c.relkind IN ('r', 'p')
    LOOP
        EXECUTE format('ALTER TABLE app.%I ENABLE ROW LEVEL SECURITY', t.relname);
        EXECUTE format('ALTER TABLE app.%I FORCE ROW LEVEL SECURITY', t.relname);
        EXECUTE format('DROP POLICY IF EXISTS tenant_isolation ON app.%I', t.relname);
        EXECUTE format('CREATE POLICY tenant_isolation ON app.%I USING (tenant_id = toolkit.current_tenant_id() AND tenant_id = current_setting(''app.tenant_id'', true)) WITH CHECK (tenant_id = toolkit.current_tenant_id() AND tenant_id = current_setting(''app.tenant_id'', true))', t.relname);
        EXECUTE format('GRANT SELECT, INSERT, UPDATE, DELETE ON app.%I TO toolkit_app', t.relname);
    END LOOP;
END
$body$;
REVOKE ALL ON app.toolkit_journal FROM toolkit_app;
