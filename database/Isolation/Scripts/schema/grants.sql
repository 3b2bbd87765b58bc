-- After every migration: data access on the tenant's own tables, never on a journal. The fan-out's journal is
-- toolkit.script_journal (schema toolkit, closed to tenants); a tenant migrated before it keeps its own
-- toolkit_journal in its schema, which the grant above would cover, so it is revoked again.
GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA $schema$ TO $role$;
DO $grants$
BEGIN
    IF to_regclass(quote_ident($schema_name$) || '.toolkit_journal') IS NOT NULL THEN
        EXECUTE format('REVOKE ALL ON %I.toolkit_journal FROM %I', $schema_name$, $role_name$);
    END IF;
END
$grants$;
