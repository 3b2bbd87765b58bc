-- Toolkit.MapStoredValues: maps stored values in public.tenant_settings.ai_model, billing.plans.model.
-- Each changed row's old value is kept in toolkit_swap_backup_anthropic_model_ids, so the down script restores it exactly.
CREATE TABLE toolkit_swap_backup_anthropic_model_ids (
    table_name text NOT NULL,
    column_name text NOT NULL,
    row_rest jsonb NOT NULL,
    old_value text NOT NULL,
    new_value text NOT NULL
);

INSERT INTO toolkit_swap_backup_anthropic_model_ids (table_name, column_name, row_rest, old_value, new_value)
SELECT 'public.tenant_settings', 'ai_model', to_jsonb(t) - 'ai_model', t."ai_model", m.new_value
  FROM "public"."tenant_settings" t
  JOIN (VALUES
    ('gpt-4.1-mini', 'claude-haiku-4-5'),
    ('gpt-4o-mini', 'claude-haiku-4-5'),
    ('it''s', 'quoted')
  ) AS m (old_value, new_value) ON t."ai_model" = m.old_value;

INSERT INTO toolkit_swap_backup_anthropic_model_ids (table_name, column_name, row_rest, old_value, new_value)
SELECT 'billing.plans', 'model', to_jsonb(t) - 'model', t."model", m.new_value
  FROM "billing"."plans" t
  JOIN (VALUES
    ('gpt-4.1-mini', 'claude-haiku-4-5'),
    ('gpt-4o-mini', 'claude-haiku-4-5'),
    ('it''s', 'quoted')
  ) AS m (old_value, new_value) ON t."model" = m.old_value;

DO $$
BEGIN
    IF EXISTS (SELECT 1 FROM toolkit_swap_backup_anthropic_model_ids GROUP BY table_name, column_name, row_rest, new_value HAVING count(DISTINCT old_value) > 1) THEN
        RAISE EXCEPTION 'rows that differ only in a mapped column could not be told apart again; give the table a primary key';
    END IF;
END $$;

UPDATE "public"."tenant_settings" t SET "ai_model" = b.new_value
  FROM toolkit_swap_backup_anthropic_model_ids b
 WHERE b.table_name = 'public.tenant_settings' AND b.column_name = 'ai_model'
   AND t."ai_model" = b.old_value AND to_jsonb(t) - 'ai_model' = b.row_rest;

UPDATE "billing"."plans" t SET "model" = b.new_value
  FROM toolkit_swap_backup_anthropic_model_ids b
 WHERE b.table_name = 'billing.plans' AND b.column_name = 'model'
   AND t."model" = b.old_value AND to_jsonb(t) - 'model' = b.row_rest;
