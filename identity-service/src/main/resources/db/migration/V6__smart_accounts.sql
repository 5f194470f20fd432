-- What a linked wallet is: a further custody wallet of the user ('wallet', attest.wallet.provisioned.v1) or the
-- user's ERC-4337 smart account ('smart-account', attest.wallet.smart-account-ready.v1). Both are linked the same
-- way, in our records only (README, "Further wallets").
alter table identity_wallets add column kind varchar(16) not null default 'wallet'
    check (kind in ('wallet', 'smart-account'));

-- A smart account announced before its owner has an identity (no attest.wallet.provisioned.v1 processed yet for
-- that user): held here, and linked in the transaction that creates the identity; then the row is deleted.
create table held_wallet_links (
    org_id      varchar(64) not null,
    user_id     varchar(255) not null,
    address     varchar(42) not null,
    kind        varchar(16) not null check (kind in ('wallet', 'smart-account')),
    received_at timestamptz not null,
    primary key (org_id, user_id, address)
);
