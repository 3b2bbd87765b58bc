-- Puts back the values toolkit_swap_backup_anthropic_model_ids kept, then drops it.
UPDATE "public"."tenant_settings" t SET "ai_model" = b.old_value
  FROM toolkit_swap_backup_anthropic_model_ids b
 WHERE b.table_name = 'public.tenant_settings' AND b.column_name = 'ai_model'
   AND t."ai_model" = b.new_value AND to_jsonb(t) - 'ai_model' = b.row_rest;
UPDATE "billing"."plans" t SET "model" = b.old_value
  FROM toolkit_swap_backup_anthropic_model_ids b
 WHERE b.table_name = 'billing.plans' AND b.column_name = 'model'
   AND t."model" = b.new_value AND to_jsonb(t) - 'model' = b.row_rest;
DROP TABLE toolkit_swap_backup_anthropic_model_ids;
