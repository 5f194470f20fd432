-- Organizations whose end users may join by themselves after signing up at the identity provider
-- (POST /orgs/{org}/join). Off unless an organization admin turns it on.
alter table organization add column self_signup boolean not null default false;
