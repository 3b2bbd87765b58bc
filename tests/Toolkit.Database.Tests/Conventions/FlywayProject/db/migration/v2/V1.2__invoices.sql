CREATE TABLE invoices (id int PRIMARY KEY, account_id int NOT NULL REFERENCES accounts (id), total numeric NOT NULL);
