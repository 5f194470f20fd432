-- Verification steps: every check the provider reports for a case (Persona verifications and the inquiry
-- itself), one row per provider step, showing the newest observation in the provider's time.
create table kyc_step (
    case_id          uuid        not null references kyc_case (id),
    -- The provider's id of the step (Persona: ver_… for a verification, inq_… for the inquiry itself).
    provider_step_id text        not null,
    org_id           text        not null,
    -- government-id, selfie, database, document, …, or inquiry.
    kind             text        not null,
    -- pending, submitted, passed, failed, requires-retry.
    status           text        not null,
    provider_status  text        not null,
    -- The provider's own time of what the row shows: an observation is applied only when newer.
    provider_at      timestamptz not null,
    recorded_at      timestamptz not null,
    primary key (case_id, provider_step_id)
);

-- The steps a stored webhook carries (kind, provider id and status, time; never personal fields), as JSON, so
-- that the worker applying it later needs nothing of the payload that is not kept.
alter table persona_webhook add column steps text;

-- The step kinds an organization's inquiry template requires, comma-separated (a kind has no comma).
alter table persona_settings add column required_steps text;
