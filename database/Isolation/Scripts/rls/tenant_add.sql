GRANT toolkit_app TO $role$;
ALTER ROLE $role$ SET search_path = app;
