-- A project's fallback KYC provider (issue 21): where compliance-service opens a new case while the project's
-- preferred provider is unavailable. Null: none.
alter table attest_tenant_project add column kyc_fallback_provider text;
