-- The per-endpoint token bucket of the webhook rate limit lives here, so that every instance takes from
-- the same bucket: N instances still let out at most rate_limit messages per second per endpoint.
-- A table of its own, so that taking a token never contends with (or is overwritten by) endpoint updates.
create table webhook_rate_bucket (
    endpoint_id uuid             primary key references webhook_endpoint (id) on delete cascade,
    tokens      double precision not null,
    refilled_at timestamptz      not null
);
