-- The tenant replica and the credentials alerts moved to common (db/tenant: attest_tenant_organization,
-- attest_tenant_project; db/alerts: attest_credentials_alert). What this service's own tables of V3 hold is copied
-- there (nothing on a fresh database), then they go.
insert into attest_tenant_organization (org_id, slug, name, event_time)
select org_id, slug, name, event_time from tenant_organization
on conflict (org_id) do nothing;

insert into attest_tenant_project (project_id, org_id, name, environment, kyc_provider, wallet_network, event_time)
select project_id, org_id, name, environment, kyc_provider, wallet_network, event_time from tenant_project
on conflict (project_id) do nothing;

insert into attest_credentials_alert (org_id, provider, last_sent_at)
select org_id, provider, last_sent_at from provider_credentials_alert
on conflict (org_id, provider) do nothing;

drop table tenant_organization;
drop table tenant_project;
drop table provider_credentials_alert;
