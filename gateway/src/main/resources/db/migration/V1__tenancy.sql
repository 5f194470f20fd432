-- Tenancy: organizations, their projects, members and project API keys.

create table organization (
    id             uuid        primary key,
    slug           text        not null unique,
    name           text        not null,
    -- Emails of the people to contact about the organization; personal data, never in events.
    admin_contacts jsonb       not null default '[]',
    created_at     timestamptz not null default now(),
    updated_at     timestamptz not null default now()
);

create table project (
    id                          uuid             primary key,
    org_id                      uuid             not null references organization (id),
    name                        text             not null,
    environment                 text             not null check (environment in ('sandbox', 'production')),
    kyc_provider                text             not null,
    wallet_network              text             not null,
    -- Token bucket of this project's requests: burst size and steady rate.
    rate_limit_capacity         integer          not null check (rate_limit_capacity > 0),
    rate_limit_refill_per_second double precision not null check (rate_limit_refill_per_second > 0),
    created_at                  timestamptz      not null default now(),
    updated_at                  timestamptz      not null default now()
);
create index project_org on project (org_id);

create table member (
    org_id     uuid        not null references organization (id),
    user_id    text        not null,
    email      text        not null,
    role       text        not null check (role in ('org-admin', 'user')),
    created_at timestamptz not null default now(),
    updated_at timestamptz not null default now(),
    primary key (org_id, user_id)
);
create index member_user on member (user_id);

-- The key itself is never stored: only its SHA-256 (keys are 256-bit random, so no slow hash is needed).
create table api_key (
    id           uuid        primary key,
    org_id       uuid        not null references organization (id),
    project_id   uuid        not null references project (id),
    name         text        not null,
    prefix       text        not null,
    key_hash     text        not null unique,
    scopes       text        not null,
    expires_at   timestamptz,
    last_used_at timestamptz,
    revoked_at   timestamptz,
    created_by   text        not null,
    created_at   timestamptz not null default now()
);
create index api_key_project on api_key (project_id);

-- Token buckets shared by every gateway replica: each request takes a token in one atomic upsert.
create table rate_limit_bucket (
    project_id  uuid             primary key,
    tokens      double precision not null,
    refilled_at timestamptz      not null,
    -- Whether the last request took a token, so the upsert can say so in its RETURNING clause.
    allowed     boolean          not null
);

-- Usage per project and day. project_key is the project id, or '' for events that name no project.
create table usage_daily (
    org_id      text   not null,
    project_key text   not null,
    day         date   not null,
    metric      text   not null,
    count       bigint not null,
    primary key (org_id, project_key, day, metric)
);
