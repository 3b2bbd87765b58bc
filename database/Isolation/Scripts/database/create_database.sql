-- toolkit:no-transaction
CREATE DATABASE $database$;
