-- The organization's Dfns credentials (secrets sealed by SecretCipher) and its spending policy.
create table dfns_settings (
    org_id              text primary key,
    api_base_url        text        not null,
    token_sealed        text        not null,
    credential_id       text        not null,
    private_key_sealed  text        not null,
    app_id              text,
    default_network     text        not null,
    webhook_secret_sealed text,
    per_transfer_limit  numeric(78, 0),
    daily_limit         numeric(78, 0),
    updated_at          timestamptz not null
);

-- The latest KYC status of each user, as compliance-service announced it.
create table kyc_standing (
    org_id     text        not null,
    user_id    text        not null,
    case_id    text        not null,
    status     text        not null,
    level      text,
    updated_at timestamptz not null,
    primary key (org_id, user_id)
);

-- One custody wallet per user and organization; the row exists from the moment provisioning is due.
create table wallet (
    id                 uuid primary key,
    org_id             text        not null,
    user_id            text        not null,
    status             text        not null,
    network            text        not null,
    address            text,
    provider_wallet_id text,
    kyc_case_id        text        not null,
    kyc_level          text,
    attempts           integer     not null default 0,
    next_attempt_at    timestamptz,
    last_error         text,
    created_at         timestamptz not null,
    updated_at         timestamptz not null,
    unique (org_id, user_id)
);
create index wallet_due on wallet (next_attempt_at) where status = 'pending';
create unique index wallet_provider on wallet (org_id, provider_wallet_id);

create table transfer (
    id                   uuid primary key,
    org_id               text        not null,
    wallet_id            uuid        not null references wallet (id),
    user_id              text        not null,
    idempotency_key      text        not null,
    request_hash         text        not null,
    kind                 text        not null,
    to_address           text        not null,
    amount               numeric(78, 0) not null,
    contract             text,
    status               text        not null,
    provider_transfer_id text,
    tx_hash              text,
    reason               text,
    created_at           timestamptz not null,
    updated_at           timestamptz not null,
    unique (org_id, user_id, idempotency_key)
);
create index transfer_open on transfer (updated_at) where status not in ('confirmed', 'failed', 'rejected');
create index transfer_org on transfer (org_id, created_at, id);
