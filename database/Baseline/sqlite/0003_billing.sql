-- Baseline SaaS schema 3/4: plans, subscriptions, invoices and line items, usage records.
CREATE TABLE subscription_plans (
    id TEXT PRIMARY KEY DEFAULT (lower(hex(randomblob(16)))),
    tenant_id TEXT NOT NULL DEFAULT 'default',
    name text NOT NULL,
    price_amount numeric(12, 2) NOT NULL,
    currency text NOT NULL DEFAULT 'USD',
    billing_interval text NOT NULL CHECK (billing_interval IN ('monthly', 'yearly')),
    features TEXT NOT NULL DEFAULT '{}',
    is_active boolean NOT NULL DEFAULT true,
    created_at TEXT NOT NULL DEFAULT CURRENT_TIMESTAMP,
    updated_at TEXT NOT NULL DEFAULT CURRENT_TIMESTAMP,
    deleted_at TEXT
);

CREATE TABLE subscriptions (
    id TEXT PRIMARY KEY DEFAULT (lower(hex(randomblob(16)))),
    tenant_id TEXT NOT NULL DEFAULT 'default',
    organization_id TEXT NOT NULL REFERENCES organizations (id),
    plan_id TEXT NOT NULL REFERENCES subscription_plans (id),
    status text NOT NULL DEFAULT 'trialing' CHECK (status IN ('trialing', 'active', 'past_due', 'canceled')),
    external_subscription_id text,
    current_period_start TEXT,
    current_period_end TEXT,
    cancel_at_period_end boolean NOT NULL DEFAULT false,
    created_at TEXT NOT NULL DEFAULT CURRENT_TIMESTAMP,
    updated_at TEXT NOT NULL DEFAULT CURRENT_TIMESTAMP,
    deleted_at TEXT
);
CREATE INDEX subscriptions_current_period_end ON subscriptions (current_period_end);

CREATE TABLE invoices (
    id TEXT PRIMARY KEY DEFAULT (lower(hex(randomblob(16)))),
    tenant_id TEXT NOT NULL DEFAULT 'default',
    subscription_id TEXT NOT NULL REFERENCES subscriptions (id),
    total_amount numeric(12, 2) NOT NULL,
    currency text NOT NULL DEFAULT 'USD',
    status text NOT NULL DEFAULT 'draft' CHECK (status IN ('draft', 'open', 'paid', 'void', 'uncollectible')),
    external_invoice_id text,
    paid_at TEXT,
    created_at TEXT NOT NULL DEFAULT CURRENT_TIMESTAMP,
    updated_at TEXT NOT NULL DEFAULT CURRENT_TIMESTAMP,
    deleted_at TEXT
);

CREATE TABLE invoice_line_items (
    id TEXT PRIMARY KEY DEFAULT (lower(hex(randomblob(16)))),
    tenant_id TEXT NOT NULL DEFAULT 'default',
    invoice_id TEXT NOT NULL REFERENCES invoices (id),
    description text NOT NULL,
    amount numeric(12, 2) NOT NULL,
    quantity integer NOT NULL DEFAULT 1,
    proration boolean NOT NULL DEFAULT false,
    created_at TEXT NOT NULL DEFAULT CURRENT_TIMESTAMP,
    updated_at TEXT NOT NULL DEFAULT CURRENT_TIMESTAMP,
    deleted_at TEXT
);

CREATE TABLE usage_records (
    id TEXT PRIMARY KEY DEFAULT (lower(hex(randomblob(16)))),
    tenant_id TEXT NOT NULL DEFAULT 'default',
    subscription_id TEXT NOT NULL REFERENCES subscriptions (id),
    metric_name text NOT NULL,
    quantity numeric(18, 4) NOT NULL,
    unit_price numeric(12, 6),
    billing_period_start TEXT NOT NULL,
    created_at TEXT NOT NULL DEFAULT CURRENT_TIMESTAMP,
    updated_at TEXT NOT NULL DEFAULT CURRENT_TIMESTAMP,
    deleted_at TEXT
);
CREATE INDEX usage_records_subscription_period ON usage_records (subscription_id, billing_period_start);
