-- Administration (issue 20): suspensions, plans, and the exports and erasure records of deleted organizations.

-- What is suspended now: an organization or a project (target = its id) or a user (target = the OIDC subject).
-- The gateway reads it on every authenticated request (one primary-key lookup per kind), so a suspension written
-- by any replica is refused by every replica at the next request: nothing of it is cached.
create table suspension (
    kind         text        not null check (kind in ('organization', 'project', 'user')),
    target       text        not null,
    reason       text        not null,
    suspended_by text        not null,
    suspended_at timestamptz not null,
    primary key (kind, target)
);

-- Every suspension and reactivation: who, when, why. Kept after a reactivation and after an organization's erasure.
create table suspension_log (
    id     uuid        primary key,
    kind   text        not null,
    target text        not null,
    action text        not null check (action in ('suspended', 'reactivated')),
    reason text,
    actor  text        not null,
    at     timestamptz not null
);
create index suspension_log_target on suspension_log (kind, target, at);

-- An organization's plan. Money in minor units (cents) of `currency`. included: units of each usage metric the
-- monthly price covers; unit_prices: the price of 1000 units above that, per metric. The rate limit, when set,
-- replaces the project's own bucket settings for every project of the organization.
create table org_plan (
    org_id                       uuid             primary key references organization (id),
    name                         text             not null,
    currency                     text             not null,
    monthly_price_minor          bigint           not null check (monthly_price_minor >= 0),
    included                     jsonb            not null default '{}',
    unit_prices                  jsonb            not null default '{}',
    rate_limit_capacity          integer          check (rate_limit_capacity > 0),
    rate_limit_refill_per_second double precision check (rate_limit_refill_per_second > 0),
    updated_by                   text             not null,
    updated_at                   timestamptz      not null
);

-- The export made of an organization's data before it was erased (GET /platform/organizations/{org}/export).
create table org_export (
    org_id      uuid        primary key,
    slug        text        not null,
    exported_by text        not null,
    exported_at timestamptz not null,
    document    jsonb       not null
);
create index org_export_slug on org_export (slug);

-- What an organization's deletion erased: rows per kind, who, when.
create table org_erasure (
    id        uuid        primary key,
    org_id    uuid        not null,
    slug      text        not null,
    erased_by text        not null,
    erased_at timestamptz not null,
    reason    text,
    erased    jsonb       not null
);
create index org_erasure_org on org_erasure (org_id);
