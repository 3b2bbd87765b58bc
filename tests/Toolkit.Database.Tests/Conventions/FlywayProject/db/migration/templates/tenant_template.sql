-- Not a migration: copied by hand when a tenant is set up. Flyway ignores it (not a Flyway name).
DROP TABLE accounts;
