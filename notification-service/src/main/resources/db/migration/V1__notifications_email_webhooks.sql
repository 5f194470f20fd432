-- What notification-service learns from tenant events: the org admins it mails and the projects that exist.
create table org_admin (
    org_id  text not null,
    user_id text not null,
    email   text not null,
    primary key (org_id, user_id)
);

create table project (
    org_id     text not null,
    project_id text not null,
    primary key (org_id, project_id)
);

-- Which project a user's events belong to (learnt from KYC events, which carry project_id), so that
-- wallet and identity events, which do not, reach that project's webhook endpoints.
create table user_project (
    org_id     text not null,
    user_id    text not null,
    project_id text not null,
    primary key (org_id, user_id)
);

-- In-app notifications. seq orders a user's stream and is the SSE event id (Last-Event-ID resume).
create table notification (
    id              uuid        primary key,
    seq             bigserial   not null unique,
    org_id          text        not null,
    user_id         text        not null,
    type            text        not null,
    text            text        not null,
    link            text,
    source_event_id text        not null,
    created_at      timestamptz not null,
    read_at         timestamptz,
    unique (source_event_id, user_id, type)
);
create index notification_user on notification (org_id, user_id, seq);

-- Every admin email: recorded before it is sent, sent by the mail worker, retried on SMTP failure.
-- The unique key is what makes an event never mail the same admin twice.
create table email_message (
    id              uuid        primary key,
    org_id          text        not null,
    source_event_id text        not null,
    recipient       text        not null,
    template        text        not null,
    subject         text        not null,
    model           jsonb       not null,
    status          text        not null,
    attempts        int         not null default 0,
    next_attempt_at timestamptz not null,
    last_error      text,
    created_at      timestamptz not null,
    sent_at         timestamptz,
    unique (source_event_id, recipient, template)
);
create index email_message_due on email_message (next_attempt_at) where status = 'pending';

create table webhook_endpoint (
    id                       uuid        primary key,
    org_id                   text        not null,
    project_id               text        not null,
    url                      text        not null,
    description              text,
    event_types              jsonb       not null,
    headers                  jsonb       not null,
    rate_limit               int,
    enabled                  boolean     not null,
    disabled_reason          text,
    secret                   text        not null,
    previous_secret          text,
    previous_secret_until    timestamptz,
    failing_since            timestamptz,
    created_at               timestamptz not null,
    updated_at               timestamptz not null
);
create index webhook_endpoint_project on webhook_endpoint (org_id, project_id);

-- A message is one event for one project; its id is the webhook-id, stable across retries and resends.
create table webhook_message (
    id              text        primary key,
    org_id          text        not null,
    project_id      text        not null,
    event_type      text        not null,
    payload         text        not null,
    source_event_id text,
    created_at      timestamptz not null,
    unique (source_event_id, project_id)
);

-- The delivery of a message to one endpoint: its schedule lives here, so it survives restarts.
create table webhook_delivery (
    id              uuid        primary key,
    message_id      text        not null references webhook_message (id),
    endpoint_id     uuid        not null references webhook_endpoint (id) on delete cascade,
    status          text        not null,
    attempts        int         not null default 0,
    next_attempt_at timestamptz,
    created_at      timestamptz not null,
    updated_at      timestamptz not null,
    unique (message_id, endpoint_id)
);
create index webhook_delivery_due on webhook_delivery (next_attempt_at) where status = 'pending';

create table webhook_attempt (
    id            uuid        primary key,
    delivery_id   uuid        not null references webhook_delivery (id) on delete cascade,
    attempted_at  timestamptz not null,
    succeeded     boolean     not null,
    status_code   int,
    latency_ms    bigint      not null,
    response_body text,
    error         text
);
create index webhook_attempt_delivery on webhook_attempt (delivery_id, attempted_at);
