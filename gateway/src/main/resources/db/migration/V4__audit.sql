-- The gateway's store of every service's audit trail (dev.attest.gateway.audit): each service's entries as
-- attest.audit.entry-recorded.v1 brought them, once each (inbox; the key is the service and its sequence number),
-- searched and exported by org admins (their organization's) and platform admins (all). docs/audit.md.
create table audit_record (
    service       text        not null,
    seq           bigint      not null,
    entry_id      uuid        not null,
    occurred_at   timestamptz not null,
    actor_subject text        not null,
    actor_kind    text        not null,
    actor_roles   text        not null,
    org_id        text,
    project_id    text,
    action        text        not null,
    target_type   text,
    target_id     text,
    outcome       text        not null,
    source_ip     text,
    user_agent    text,
    changes       jsonb,
    hash          text        not null,
    prev_hash     text        not null,
    received_at   timestamptz not null default now(),
    primary key (service, seq)
);
-- Newest first, by organization or over all; the key (occurred_at, service, seq) is the page token's.
create index audit_record_org_time on audit_record (org_id, occurred_at desc, service desc, seq desc);
create index audit_record_time on audit_record (occurred_at desc, service desc, seq desc);
