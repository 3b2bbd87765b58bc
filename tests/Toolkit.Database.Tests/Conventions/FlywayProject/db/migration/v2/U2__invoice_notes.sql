DROP TABLE invoice_notes;
