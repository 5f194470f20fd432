-- Issue 19: ERC-4337 smart accounts, sponsored transfers and each project's sponsorship policy.

-- A user's SimpleAccount, owned by the custody wallet's key: its address is the factory's getAddress(owner, 0),
-- known before it exists; the first sponsored UserOperation deploys it.
alter table wallet add column smart_account_address text;
alter table wallet add column smart_account_deployed boolean not null default false;
create index wallet_smart_account on wallet (lower(smart_account_address)) where smart_account_address is not null;
create index wallet_smart_account_due on wallet (created_at) where status = 'provisioned' and smart_account_address is null;

-- A sponsored transfer leaves from the smart account as a UserOperation. The signed operation is kept until it is
-- settled, so that a resend after an outage or a crash sends the very operation that may already be in a mempool.
alter table transfer add column sponsored boolean not null default false;
alter table transfer add column from_address text;
alter table transfer add column user_op_hash text;
alter table transfer add column user_operation jsonb;
alter table transfer add column gas_cost numeric(78, 0);
create index transfer_sponsored_open on transfer (updated_at) where sponsored and status in ('requested', 'broadcasted');

-- What a project pays for: one row per project that has a policy. Amounts in wei.
create table sponsorship_policy (
    org_id             text           not null,
    project_id         text           not null,
    enabled            boolean        not null,
    paymaster_kind     text           not null check (paymaster_kind in ('platform', 'external')),
    paymaster_url      text,
    paymaster_api_key  text,            -- sealed (SecretCipher, org:<org>/paymaster.<project>)
    monthly_budget     numeric(78, 0),
    user_daily_cap     numeric(78, 0),
    native_allowed     boolean        not null default true,
    allowed_tokens     text[],          -- lower case; null: any token
    allowed_recipients text[],          -- lower case; null: anyone
    updated_at         timestamptz    not null,
    updated_by         text,
    primary key (org_id, project_id)
);

-- Every operation a paymaster approved for a project: reserved at its most (the gas limits times maxFeePerGas)
-- until its receipt settles it at actualGasCost, or its approval expires unused and releases it.
create table sponsored_operation (
    user_op_hash   text           primary key,
    org_id         text           not null,
    project_id     text           not null,
    user_id        text           not null,
    sender         text           not null,
    transfer_id    uuid,
    paymaster_kind text           not null,
    status         text           not null check (status in ('reserved', 'settled', 'released')),
    max_cost       numeric(78, 0) not null,
    gas_cost       numeric(78, 0),
    success        boolean,
    tx_hash        text,
    valid_until    timestamptz    not null,
    created_at     timestamptz    not null,
    settled_at     timestamptz
);
create index sponsored_operation_project on sponsored_operation (org_id, project_id, created_at);
create index sponsored_operation_user on sponsored_operation (org_id, user_id, created_at);
create index sponsored_operation_reserved on sponsored_operation (created_at) where status = 'reserved';

-- Whether a user's identity holds a valid platform claim, from identity-service's events: sponsorship needs one.
-- A claim's id is the same across re-issues (keccak of issuer and topic), so the latest block decides.
create table claim_standing (
    org_id       text        not null,
    user_id      text        not null,
    topic        integer     not null,
    status       text        not null check (status in ('issued', 'revoked')),
    block_number bigint      not null,
    updated_at   timestamptz not null,
    primary key (org_id, user_id, topic)
);
