-- KYC cases: one per verification attempt of a user in an organization.
create table kyc_case (
    id                   uuid        primary key,
    org_id               text        not null,
    project_id           text,
    user_id              text        not null,
    provider             text        not null,
    -- The provider's handle (Persona inquiry id), set once the provider has created it.
    provider_reference   text,
    provider_status      text,
    status               text        not null,
    score                numeric(3, 2),
    reason               text,
    level                text        not null,
    document_type        text        not null,
    -- Personal data the user sent, sealed with SecretCipher (context names the case and the field).
    document_data_enc    text,
    personal_info_enc    text,
    -- created-at of the newest provider event (or reviewer decision) applied: older ones never apply.
    provider_event_at    timestamptz,
    decided_by           text,
    decided_at           timestamptz,
    kyc_claim_id         text,
    kyc_claim_tx_hash    text,
    kyc_claim_revoked_at timestamptz,
    created_at           timestamptz not null,
    updated_at           timestamptz not null
);
-- At most one case per user that is not rejected: concurrent starts cannot open two.
create unique index kyc_case_one_open_per_user on kyc_case (org_id, user_id) where status <> 'rejected';
create unique index kyc_case_provider_reference on kyc_case (provider, provider_reference)
    where provider_reference is not null;
create index kyc_case_review_queue on kyc_case (org_id, status, created_at);

-- Audit trail: every status change of a case, who made it and why.
create table kyc_case_history (
    id                bigserial   primary key,
    case_id           uuid        not null references kyc_case (id),
    org_id            text        not null,
    at                timestamptz not null,
    from_status       text,
    to_status         text        not null,
    provider_status   text,
    actor             text        not null,
    reason            text,
    provider_event_id text
);
create index kyc_case_history_case on kyc_case_history (case_id, id);

-- Persona webhooks as received (verified), before and after processing. Only ids and states are kept,
-- never the payload's personal fields.
create table persona_webhook (
    org_id           text        not null,
    event_id         text        not null,
    name             text        not null,
    inquiry_id       text,
    reference_id     text,
    inquiry_status   text,
    event_created_at timestamptz not null,
    -- received, applied, stale (older than what the case shows), unmatched (no such case), ignored
    state            text        not null,
    received_at      timestamptz not null,
    processed_at     timestamptz,
    primary key (org_id, event_id)
);
create index persona_webhook_to_process on persona_webhook (event_created_at) where state = 'received';

-- Each organization's Persona settings; secrets sealed with SecretCipher.
create table persona_settings (
    org_id                      text        primary key,
    api_key_enc                 text,
    inquiry_template_id         text,
    environment                 text        not null,
    webhook_secret_enc          text,
    webhook_secret_previous_enc text,
    updated_at                  timestamptz not null,
    updated_by                  text        not null
);
