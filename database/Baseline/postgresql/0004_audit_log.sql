-- Baseline SaaS schema 4/4: the audit log (the seed's activities table).
CREATE TABLE audit_log (
    id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    tenant_id text NOT NULL DEFAULT current_setting('app.tenant_id', true),
    actor_id uuid REFERENCES users (id),
    action text NOT NULL,
    entity_type text NOT NULL,
    entity_id uuid,
    description text,
    metadata jsonb NOT NULL DEFAULT '{}'::jsonb,
    ip_address inet,
    created_at timestamptz NOT NULL DEFAULT now(),
    updated_at timestamptz NOT NULL DEFAULT now(),
    deleted_at timestamptz
);
CREATE INDEX audit_log_entity ON audit_log (entity_type, entity_id);
CREATE INDEX audit_log_created_at ON audit_log (created_at);
