-- After a batch of fan-out tenants ($schemas$ and $roles$: text arrays, pairwise): what schema/grants.sql ensures for
-- one tenant, for the whole batch in one catalog pass instead of a GRANT ... ON ALL TABLES (a scan of pg_class) per
-- tenant. With the default privileges set at provisioning there is nothing left to grant; a table created some
-- other way (another role, before the defaults) still gets the tenant's access, and a journal of the tenant's own
-- from before the shared journal (toolkit_journal) never does.
DO $grants$
DECLARE t record;
BEGIN
    FOR t IN
        SELECT n.nspname, c.relname, r.role_name, c.relname = 'toolkit_journal' AS journal
        FROM unnest($schemas$::text[], $roles$::text[]) AS r(schema_name, role_name)
        JOIN pg_namespace n ON n.nspname = r.schema_name
        JOIN pg_class c ON c.relnamespace = n.oid AND c.relkind IN ('r', 'p', 'v', 'm', 'f')
        WHERE CASE WHEN c.relname = 'toolkit_journal'
                   THEN has_table_privilege(r.role_name, c.oid, 'SELECT, INSERT, UPDATE, DELETE, TRUNCATE, REFERENCES, TRIGGER')
                   ELSE NOT (has_table_privilege(r.role_name, c.oid, 'SELECT') AND has_table_privilege(r.role_name, c.oid, 'INSERT')
                             AND has_table_privilege(r.role_name, c.oid, 'UPDATE') AND has_table_privilege(r.role_name, c.oid, 'DELETE')) END
    LOOP
        IF t.journal THEN
            EXECUTE format('REVOKE ALL ON %I.%I FROM %I', t.nspname, t.relname, t.role_name);
        ELSE
            EXECUTE format('GRANT SELECT, INSERT, UPDATE, DELETE ON %I.%I TO %I', t.nspname, t.relname, t.role_name);
        END IF;
    END LOOP;
END
$grants$;
