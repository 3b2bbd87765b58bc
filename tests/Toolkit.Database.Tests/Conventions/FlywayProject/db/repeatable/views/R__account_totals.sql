CREATE OR REPLACE VIEW account_totals AS
SELECT a.id, a.name, coalesce(sum(i.total), 0) AS total FROM accounts a LEFT JOIN invoices i ON i.account_id = a.id GROUP BY a.id, a.name;
