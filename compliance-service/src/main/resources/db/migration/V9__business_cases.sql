-- KYB (issue 21): business cases of a project's business customers, each with its owners' KYC cases.

-- The organization's KYB inquiry template at Persona: business verifications need one of their own.
alter table persona_settings add column kyb_inquiry_template_id text;

-- A business case: one verification of a company applied for by a representative (a signed-in user).
-- Company facts shown to reviewers are registry facts (name, registration number, country), not personal data.
create table business_case (
    id                     uuid        primary key,
    org_id                 text        not null,
    project_id             text,
    representative_user_id text        not null,
    provider               text        not null,
    -- The provider's business verification (Persona KYB inquiry id), set once the provider has created it.
    provider_reference     text,
    provider_status        text,
    -- The business verification's own outcome (pending/review/verified/rejected); status adds the owners'.
    verification_status    text        not null,
    status                 text        not null,
    reason                 text,
    decided_by             text,
    decided_at             timestamptz,
    -- created-at of the newest provider event (or reviewer decision) applied to the business verification.
    provider_event_at      timestamptz,
    legal_name             text        not null,
    registration_number    text        not null,
    country_code           text        not null,
    kyb_claim_id           text,
    kyb_claim_tx_hash      text,
    kyb_claim_revoked_at   timestamptz,
    -- When the provider was last asked about the waiting business verification (BusinessReconciliation).
    reconciled_at          timestamptz,
    created_at             timestamptz not null,
    updated_at             timestamptz not null
);
-- One open case per company and project: a retried application finds it instead of opening a second.
create unique index business_case_one_open on business_case
    (org_id, coalesce(project_id, ''), country_code, registration_number) where status <> 'rejected';
create unique index business_case_provider_reference on business_case (provider, provider_reference)
    where provider_reference is not null;
create index business_case_review_queue on business_case (org_id, status, created_at);
create index business_case_representative on business_case (org_id, representative_user_id, created_at);

-- A beneficial owner or director of a business case. Who they are (name, email, birthdate) went to the
-- provider through their own KYC case (user id business-owner:<owner id>) and is not kept here.
create table business_owner (
    id                uuid         primary key,
    business_case_id  uuid         not null references business_case (id),
    org_id            text         not null,
    position          int          not null,
    role              text         not null,
    ownership_percent numeric(5, 2),
    kyc_case_id       uuid         references kyc_case (id),
    created_at        timestamptz  not null,
    unique (business_case_id, position)
);
