-- Replica of the gateway's organizations and projects (attest.tenant.v1): a configured default
-- organization and the Dfns webhook path may name an org by slug, and a project chooses its wallets' network.
create table tenant_organization (
    org_id     text primary key,
    slug       text unique,
    name       text,
    updated_at timestamptz not null
);

create table tenant_project (
    project_id     text primary key,
    org_id         text        not null,
    name           text,
    environment    text,
    kyc_provider   text,
    wallet_network text,
    updated_at     timestamptz not null
);

alter table wallet add column project_id text;
-- Set when an attempt is about to call Dfns: a later attempt first looks for the wallet that call may have made.
alter table wallet add column dfns_requested_at timestamptz;

-- Transfers above the org's approval threshold wait for an org admin's decision.
alter table dfns_settings add column approval_threshold numeric(78, 0);
alter table transfer add column decided_by text;
alter table transfer add column decided_at timestamptz;
alter table transfer add column decision_reason text;
create index transfer_awaiting on transfer (org_id, created_at) where status = 'awaiting_approval';

-- Webhook secret rotation: deliveries signed with either the current or the previous secret are accepted.
alter table dfns_settings add column previous_webhook_secret_sealed text;

-- When each organization was last alerted that Dfns refused its credentials (at most once an hour).
create table credentials_alert (
    org_id       text        not null,
    provider     text        not null,
    last_sent_at timestamptz not null,
    primary key (org_id, provider)
);
