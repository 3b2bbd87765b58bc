-- rls: shared tables in schema app, used through toolkit_app, a group role that owns nothing and has no BYPASSRLS.
CREATE SCHEMA IF NOT EXISTS app;
REVOKE ALL ON SCHEMA app FROM PUBLIC;
DO $body$
BEGIN
    IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'toolkit_app') THEN
        CREATE ROLE toolkit_app NOLOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOBYPASSRLS;
    END IF;
END
$body$;
GRANT USAGE ON SCHEMA app TO toolkit_app;
