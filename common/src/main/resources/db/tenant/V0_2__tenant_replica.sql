-- The replica of the gateway's organizations and projects (attest.tenant.v1), kept by dev.attest.common.tenant in
-- the database of each service that lists `db/tenant` in quarkus.flyway.locations. Every attribute the gateway
-- publishes is kept, so a service reads what it needs (a project's kyc_provider, its wallet_network) from here.
-- `event_time` is the time of the newest event applied: an older event arriving late never overwrites it.
create table attest_tenant_organization (
    org_id     text        primary key,
    -- Null only in rows copied from a replica that cleared the slug another organization had taken since.
    slug       text,
    name       text,
    event_time timestamptz not null
);
create index attest_tenant_organization_slug on attest_tenant_organization (slug, event_time);

create table attest_tenant_project (
    project_id     text        primary key,
    org_id         text        not null,
    name           text,
    environment    text,
    kyc_provider   text,
    wallet_network text,
    event_time     timestamptz not null
);
create index attest_tenant_project_org on attest_tenant_project (org_id);
