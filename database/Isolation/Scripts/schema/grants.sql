-- After every migration: data access on the tenant's own tables, never on its journal.
GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA $schema$ TO $role$;
REVOKE ALL ON $schema$.toolkit_journal FROM $role$;
