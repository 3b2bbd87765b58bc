DROP TABLE team_members;
DROP TABLE teams;
DROP TABLE organization_members;
DROP TABLE users;
DROP TABLE organizations;
