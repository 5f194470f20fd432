-- Every transaction the operator key signs, written before it is broadcast: after a restart the service
-- knows its nonces and rebroadcasts what has no receipt yet.
create table chain_transactions (
    id uuid primary key,
    sender varchar(42) not null,
    nonce bigint not null,
    recipient varchar(42),
    data text not null,
    gas_limit numeric(78) not null,
    gas_price numeric(78) not null,
    signed text not null,
    tx_hash varchar(66) not null unique,
    purpose varchar(64) not null,
    status varchar(16) not null,
    block_number bigint,
    contract_address varchar(42),
    revert_reason text,
    created_at timestamptz not null,
    broadcast_at timestamptz,
    settled_at timestamptz,
    unique (sender, nonce)
);
create index chain_transactions_pending on chain_transactions (status) where status = 'PENDING';

-- The platform's contracts on each chain, deployed once by the bootstrap and reused afterwards.
create table contract_deployments (
    chain_id bigint not null,
    name varchar(64) not null,
    address varchar(42) not null,
    tx_hash varchar(66),
    primary key (chain_id, name)
);

-- One OnchainID identity per user of an organization, with the step its creation has reached.
create table identities (
    id uuid primary key,
    org_id varchar(64) not null,
    user_id varchar(255) not null,
    wallet_address varchar(42) not null,
    salt varchar(80) not null unique,
    identity_address varchar(42),
    step varchar(32) not null,
    pending_tx_id uuid references chain_transactions (id),
    deploy_tx_hash varchar(66),
    deploy_block bigint,
    failure_reason text,
    created_at timestamptz not null,
    updated_at timestamptz not null,
    unique (org_id, user_id)
);

-- Claims the platform's ClaimIssuer signed onto an identity; one per identity and topic.
create table claims (
    id uuid primary key,
    identity_id uuid not null references identities (id),
    org_id varchar(64) not null,
    user_id varchar(255) not null,
    kyc_case_id varchar(64) not null,
    kyc_level varchar(32) not null,
    topic numeric(78) not null,
    issuer_address varchar(42),
    claim_id varchar(66),
    data varchar(66) not null,
    uri text not null,
    signature text,
    status varchar(16) not null,
    revoke_requested boolean not null default false,
    pending_tx_id uuid references chain_transactions (id),
    tx_hash varchar(66),
    block_number bigint,
    revoke_tx_hash varchar(66),
    revoke_block bigint,
    failure_reason text,
    created_at timestamptz not null,
    updated_at timestamptz not null,
    unique (identity_id, topic)
);
create index claims_by_user on claims (org_id, user_id);
