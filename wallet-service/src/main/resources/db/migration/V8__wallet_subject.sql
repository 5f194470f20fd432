-- Whom a wallet is for: a user, or a business whose KYB case was verified (its user_id is business:<case id>).
alter table wallet add column subject text not null default 'user' check (subject in ('user', 'business'));
