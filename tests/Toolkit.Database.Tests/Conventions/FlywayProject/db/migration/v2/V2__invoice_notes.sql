CREATE TABLE invoice_notes (invoice_id int NOT NULL REFERENCES invoices (id), note text);
