-- Whose identity: a user's, or a verified business's (its user_id business:<business_case_id>); its claims say it
-- too, since their events do. A business's KYB claim has no KYC level.
alter table identities add column subject varchar(16) not null default 'user' check (subject in ('user', 'business'));
alter table claims add column subject varchar(16) not null default 'user' check (subject in ('user', 'business'));
alter table claims alter column kyc_level drop not null;

-- The latest status of each KYC or KYB case (attest.kyc.v1, in order per case): the wallet event comes on
-- another topic, so a rejection may arrive first, and the claim planned after it must not go on chain.
create table case_standing (
    org_id     varchar(64) not null,
    case_id    varchar(64) not null,
    status     varchar(16) not null,
    updated_at timestamptz not null,
    primary key (org_id, case_id)
);
