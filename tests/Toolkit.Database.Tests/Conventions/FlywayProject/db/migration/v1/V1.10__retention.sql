-- Kept ${retention_days} days; version 1.10 runs after 1.2 (numeric order), though it sorts first by path.
CREATE TABLE retention (days int NOT NULL DEFAULT ${retention_days});
COMMENT ON TABLE retention IS 'owned by ${owner_label} in ${flyway:defaultSchema}';
