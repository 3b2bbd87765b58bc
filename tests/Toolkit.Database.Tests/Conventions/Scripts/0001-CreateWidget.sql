CREATE TABLE widget (id int);
