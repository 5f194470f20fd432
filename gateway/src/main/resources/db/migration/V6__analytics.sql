-- Analytics (issue 20): aggregates per organization, project and hour, rolled up to days.
--
-- Volume: a row per (organization, project, hour, metric) that had anything, about twenty metrics; a histogram row
-- per non-empty bucket (at most 160, a few dozen in practice) of each latency or duration metric. Hourly rows are
-- kept `attest.analytics.hourly-retention` (35 days) and then moved, summed, into the daily tables
-- (AnalyticsRollup, one statement that deletes and inserts, so a row is counted in exactly one of the two); daily
-- rows are kept `attest.analytics.retention` (400 days, more than 13 months). Rolled up rather than partitioned: a
-- busy project makes a few thousand rows a day, which a primary key handles without partition maintenance.

-- Counts and sums of events per hour. `total` is the sum the metric carries: wei for gas.
create table analytics_hourly (
    org_id      text        not null,
    project_key text        not null, -- '' when the event named no project and the user's is not known
    hour        timestamptz not null,
    metric      text        not null,
    count       bigint      not null default 0,
    total       numeric(78) not null default 0,
    primary key (org_id, project_key, hour, metric)
);
create index analytics_hourly_hour on analytics_hourly (hour);

create table analytics_daily (
    org_id      text        not null,
    project_key text        not null,
    day         date        not null,
    metric      text        not null,
    count       bigint      not null default 0,
    total       numeric(78) not null default 0,
    primary key (org_id, project_key, day, metric)
);
create index analytics_daily_day on analytics_daily (day);

-- Histograms: request latency per route class (microseconds; org_id '' for requests that acted in no
-- organization, e.g. provider webhooks) and onboarding durations (seconds), as counts per fixed bucket
-- (AnalyticsBuckets), so that percentiles over replicas, hours and days come from summed buckets.
create table analytics_histogram_hourly (
    org_id      text        not null,
    project_key text        not null,
    hour        timestamptz not null,
    metric      text        not null,
    bucket      smallint    not null,
    count       bigint      not null,
    primary key (org_id, project_key, hour, metric, bucket)
);
create index analytics_histogram_hourly_hour on analytics_histogram_hourly (hour);

create table analytics_histogram_daily (
    org_id      text     not null,
    project_key text     not null,
    day         date     not null,
    metric      text     not null,
    bucket      smallint not null,
    count       bigint   not null,
    primary key (org_id, project_key, day, metric, bucket)
);
create index analytics_histogram_daily_day on analytics_histogram_daily (day);

-- Each user's onboarding steps (first time reached), so that a step counts once in the funnel and durations
-- are measured from the KYC start. Ids only; deleted with the aggregates' retention.
create table analytics_onboarding (
    org_id       text        not null,
    user_id      text        not null,
    project_key  text        not null default '',
    started_at   timestamptz,
    submitted_at timestamptz,
    verified_at  timestamptz,
    wallet_at    timestamptz,
    claim_at     timestamptz,
    updated_at   timestamptz not null default now(),
    primary key (org_id, user_id)
);
create index analytics_onboarding_updated on analytics_onboarding (updated_at);
