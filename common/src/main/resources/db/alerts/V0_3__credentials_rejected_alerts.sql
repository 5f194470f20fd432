-- When each organization's admins were last alerted that a provider refused its credentials
-- (dev.attest.common.alerts.CredentialsRejectedAlerts): at most one alert per organization and provider an hour.
-- In the database of each service that lists `db/alerts` in quarkus.flyway.locations.
create table attest_credentials_alert (
    org_id       text        not null,
    provider     text        not null,
    last_sent_at timestamptz not null,
    primary key (org_id, provider)
);
