-- Sumsub, the second KYC provider. Each organization's Sumsub settings; secrets sealed with SecretCipher
-- (contexts org:<org>/sumsub.app-token, …/sumsub.secret-key, …/sumsub.webhook-secret).
create table sumsub_settings (
    org_id                      text        primary key,
    app_token_enc               text,
    secret_key_enc              text,
    level_name                  text,
    kyb_level_name              text,
    webhook_secret_enc          text,
    webhook_secret_previous_enc text,
    -- The X-Payload-Digest-Alg the organization's webhooks are set up with (HMAC_SHA256_HEX, …): informative, the
    -- header of each delivery decides how it is checked.
    digest_alg                  text        not null,
    -- The step kinds the level requires, comma-separated (a kind has no comma).
    required_steps              text,
    updated_at                  timestamptz not null,
    updated_by                  text        not null
);

-- Each verified Sumsub webhook: ids and review states only, never the payload's personal fields. Sumsub sends no
-- event id: event_id is derived from the delivery's applicant, type, createdAtMs and review (see SumsubWebhookIntake),
-- so a resend of the same event is the same row. A table of its own rather than persona_webhook: the two keep
-- different facts (inquiry status vs review status, answer and reject labels).
create table sumsub_webhook (
    org_id            text        not null,
    event_id          text        not null,
    type              text        not null,
    applicant_id      text,
    external_user_id  text,
    review_status     text,
    -- green, red.retry, red.final, … (SumsubReview's provider status)
    provider_status   text,
    -- the reject labels as reason codes, comma-separated (sumsub.<label>)
    reject_labels     text,
    event_created_at  timestamptz not null,
    -- received, applied, stale, unmatched, ignored, failed
    state             text        not null,
    received_at       timestamptz not null,
    processed_at      timestamptz,
    attempts          integer     not null default 0,
    last_error        text,
    traceparent       text,
    steps             text,
    primary key (org_id, event_id)
);
create index sumsub_webhook_turns on sumsub_webhook (org_id, event_created_at) where state = 'received';
