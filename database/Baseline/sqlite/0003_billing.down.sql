DROP TABLE usage_records;
DROP TABLE invoice_line_items;
DROP TABLE invoices;
DROP TABLE subscriptions;
DROP TABLE subscription_plans;
