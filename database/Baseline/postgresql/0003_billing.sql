-- Baseline SaaS schema 3/4: plans, subscriptions, invoices and line items, usage records.
CREATE TABLE subscription_plans (
    id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    tenant_id text NOT NULL DEFAULT current_setting('app.tenant_id', true),
    name text NOT NULL,
    price_amount numeric(12, 2) NOT NULL,
    currency text NOT NULL DEFAULT 'USD',
    billing_interval text NOT NULL CHECK (billing_interval IN ('monthly', 'yearly')),
    features jsonb NOT NULL DEFAULT '{}'::jsonb,
    is_active boolean NOT NULL DEFAULT true,
    created_at timestamptz NOT NULL DEFAULT now(),
    updated_at timestamptz NOT NULL DEFAULT now(),
    deleted_at timestamptz
);

CREATE TABLE subscriptions (
    id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    tenant_id text NOT NULL DEFAULT current_setting('app.tenant_id', true),
    organization_id uuid NOT NULL REFERENCES organizations (id),
    plan_id uuid NOT NULL REFERENCES subscription_plans (id),
    status text NOT NULL DEFAULT 'trialing' CHECK (status IN ('trialing', 'active', 'past_due', 'canceled')),
    external_subscription_id text,
    current_period_start timestamptz,
    current_period_end timestamptz,
    cancel_at_period_end boolean NOT NULL DEFAULT false,
    created_at timestamptz NOT NULL DEFAULT now(),
    updated_at timestamptz NOT NULL DEFAULT now(),
    deleted_at timestamptz
);
CREATE INDEX subscriptions_current_period_end ON subscriptions (current_period_end);

CREATE TABLE invoices (
    id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    tenant_id text NOT NULL DEFAULT current_setting('app.tenant_id', true),
    subscription_id uuid NOT NULL REFERENCES subscriptions (id),
    total_amount numeric(12, 2) NOT NULL,
    currency text NOT NULL DEFAULT 'USD',
    status text NOT NULL DEFAULT 'draft' CHECK (status IN ('draft', 'open', 'paid', 'void', 'uncollectible')),
    external_invoice_id text,
    paid_at timestamptz,
    created_at timestamptz NOT NULL DEFAULT now(),
    updated_at timestamptz NOT NULL DEFAULT now(),
    deleted_at timestamptz
);

CREATE TABLE invoice_line_items (
    id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    tenant_id text NOT NULL DEFAULT current_setting('app.tenant_id', true),
    invoice_id uuid NOT NULL REFERENCES invoices (id),
    description text NOT NULL,
    amount numeric(12, 2) NOT NULL,
    quantity integer NOT NULL DEFAULT 1,
    proration boolean NOT NULL DEFAULT false,
    created_at timestamptz NOT NULL DEFAULT now(),
    updated_at timestamptz NOT NULL DEFAULT now(),
    deleted_at timestamptz
);

CREATE TABLE usage_records (
    id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    tenant_id text NOT NULL DEFAULT current_setting('app.tenant_id', true),
    subscription_id uuid NOT NULL REFERENCES subscriptions (id),
    metric_name text NOT NULL,
    quantity numeric(18, 4) NOT NULL,
    unit_price numeric(12, 6),
    billing_period_start timestamptz NOT NULL,
    created_at timestamptz NOT NULL DEFAULT now(),
    updated_at timestamptz NOT NULL DEFAULT now(),
    deleted_at timestamptz
);
CREATE INDEX usage_records_subscription_period ON usage_records (subscription_id, billing_period_start);
