-- The spending policy applies to ERC-20 transfers too: limits per token contract, each in that token's smallest
-- unit (the admin states its decimals, so that the amounts can be shown in whole tokens), kept with the org's
-- stored Dfns settings like the rest of the policy. The contract is kept in lower case: one entry per token.
create table token_spending_limit (
    org_id             text           not null references dfns_settings (org_id) on delete cascade,
    contract           text           not null,
    decimals           integer        not null,
    per_transfer_limit numeric(78, 0),
    daily_limit        numeric(78, 0),
    approval_threshold numeric(78, 0),
    primary key (org_id, contract)
);

-- Velocity by count: how many transfers (any asset) one user may request per UTC day; null for no limit.
alter table dfns_settings add column daily_count_limit integer;

-- The policy sums and counts a user's transfers of the day at each request.
create index transfer_user_day on transfer (org_id, user_id, created_at);
