DROP TABLE invitations;
DROP TABLE role_assignments;
DROP TABLE roles;
