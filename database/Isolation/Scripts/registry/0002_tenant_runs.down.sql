DROP TABLE IF EXISTS toolkit.tenant_runs;
