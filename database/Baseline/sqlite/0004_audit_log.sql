-- Baseline SaaS schema 4/4: the audit log (the seed's activities table).
CREATE TABLE audit_log (
    id TEXT PRIMARY KEY DEFAULT (lower(hex(randomblob(16)))),
    tenant_id TEXT NOT NULL DEFAULT 'default',
    actor_id TEXT REFERENCES users (id),
    action text NOT NULL,
    entity_type text NOT NULL,
    entity_id TEXT,
    description text,
    metadata TEXT NOT NULL DEFAULT '{}',
    ip_address TEXT,
    created_at TEXT NOT NULL DEFAULT CURRENT_TIMESTAMP,
    updated_at TEXT NOT NULL DEFAULT CURRENT_TIMESTAMP,
    deleted_at TEXT
);
CREATE INDEX audit_log_entity ON audit_log (entity_type, entity_id);
CREATE INDEX audit_log_created_at ON audit_log (created_at);
