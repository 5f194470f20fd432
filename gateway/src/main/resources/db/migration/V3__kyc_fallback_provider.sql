-- The KYC provider a project's new cases go to while its preferred one (kyc_provider) is unavailable; null: none.
alter table project add column kyc_fallback_provider text;
