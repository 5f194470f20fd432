-- The organizations and projects of attest.tenant.v1 (gateway), as far as this service needs them: a slug
-- to name the default organization, and each project's KYC provider. `event_time` is the time of the newest
-- event applied, so a late older event never overwrites a newer one.
create table tenant_organization (
    org_id     text        primary key,
    slug       text        not null,
    name       text,
    event_time timestamptz not null
);
create index tenant_organization_slug on tenant_organization (slug);

create table tenant_project (
    project_id     text        primary key,
    org_id         text        not null,
    name           text,
    environment    text,
    kyc_provider   text,
    wallet_network text,
    event_time     timestamptz not null
);
create index tenant_project_org on tenant_project (org_id);

-- When each organization was last alerted that a provider refused its credentials: at most one alert an hour.
create table provider_credentials_alert (
    org_id       text        not null,
    provider     text        not null,
    last_sent_at timestamptz not null,
    primary key (org_id, provider)
);

-- Webhook deliveries refused for their signature: kept for the admin view (no body, no signature value).
-- org_id is null when the path named no organization this service knows.
create table persona_webhook_refusal (
    id          bigserial   primary key,
    org_id      text,
    path_org    text        not null,
    reason      text        not null,
    body_bytes  integer     not null,
    received_at timestamptz not null
);
create index persona_webhook_refusal_org on persona_webhook_refusal (org_id, received_at);
