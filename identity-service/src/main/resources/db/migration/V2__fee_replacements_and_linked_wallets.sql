-- When the operator's current version of a transaction was signed: a version not mined within
-- attest.identity.replace-after is replaced (same nonce, higher fees).
alter table chain_transactions add column signed_at timestamptz;
update chain_transactions set signed_at = created_at;
alter table chain_transactions alter column signed_at set not null;

-- Versions of a transaction that were signed and broadcast but are not (or not yet) the one mined: a
-- replacement supersedes the version before it, and whichever version is mined becomes the transaction's
-- own hash. Until one is mined, any of them may be; only one can ever be (they share the nonce).
create table superseded_transactions (
    tx_hash varchar(66) primary key,
    transaction_id uuid not null references chain_transactions (id),
    gas_price numeric(78) not null,
    signed text not null,
    signed_at timestamptz not null
);
create index superseded_transactions_of on superseded_transactions (transaction_id);

-- A user's further wallets, linked to their existing identity in our records only (the IdFactory links a
-- wallet only when an already linked wallet sends the transaction, and that key is not ours; README).
create table identity_wallets (
    address varchar(42) primary key,
    identity_id uuid not null references identities (id),
    linked_at timestamptz not null
);
create index identity_wallets_of on identity_wallets (identity_id);
