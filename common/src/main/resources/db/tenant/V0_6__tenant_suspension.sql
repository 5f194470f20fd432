-- Suspension (issue 20): a platform admin suspended the organization or the project at the gateway. The gateway refuses
-- their requests; services skip provider work for them (no new inquiries, wallets or transfers). Events that do not
-- state `suspended` (older gateways, PATCH changes) leave it as it is.
alter table attest_tenant_organization add column suspended boolean not null default false;
alter table attest_tenant_project add column suspended boolean not null default false;
