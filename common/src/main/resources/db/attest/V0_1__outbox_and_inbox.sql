-- Tables of the event backbone that every service has in its own database (dev.attest.common).
-- Services list `db/attest` before their own migrations in quarkus.flyway.locations.

-- Transactional outbox: a row is written in the same transaction as the state change it announces;
-- the relay publishes unsent rows in seq order and stamps sent_at.
create table attest_outbox (
    seq         bigserial   primary key,
    id          uuid        not null unique,
    topic       text        not null,
    event_key   text        not null,
    type        text        not null,
    source      text        not null,
    subject     text,
    org_id      text        not null,
    traceparent text,
    data        jsonb       not null,
    created_at  timestamptz not null default now(),
    sent_at     timestamptz
);
create index attest_outbox_unsent on attest_outbox (seq) where sent_at is null;
create index attest_outbox_sent_at on attest_outbox (sent_at) where sent_at is not null;

-- Inbox: the id of every consumed event, recorded in the same transaction as the consumer's effect.
create table attest_inbox (
    consumer    text        not null,
    event_id    text        not null,
    type        text        not null,
    received_at timestamptz not null default now(),
    primary key (consumer, event_id)
);
create index attest_inbox_received_at on attest_inbox (received_at);
