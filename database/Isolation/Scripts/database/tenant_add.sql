-- db-per-tenant, in the admin database: only the tenant's role may connect to its database.
REVOKE ALL ON DATABASE $database$ FROM PUBLIC;
GRANT CONNECT, TEMPORARY ON DATABASE $database$ TO $role$;
ALTER ROLE $role$ IN DATABASE $database$ SET search_path = app;
