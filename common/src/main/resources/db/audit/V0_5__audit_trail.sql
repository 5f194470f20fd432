-- The service's audit trail (dev.attest.common.audit): every admin and security-relevant action, append-only and
-- chained by hash. In the database of each service that lists `db/audit` in quarkus.flyway.locations (and sets
-- attest.audit.enabled=true). docs/audit.md.
create table attest_audit_entry (
    seq           bigint      primary key,
    id            uuid        not null unique,
    occurred_at   timestamptz not null,
    actor_subject text        not null,
    actor_kind    text        not null, -- user | api-key | service | platform
    actor_roles   text        not null, -- space separated, sorted
    org_id        text,                 -- on whose behalf (null: the platform itself)
    project_id    text,
    action        text        not null, -- e.g. dfns-settings.updated
    target_type   text,
    target_id     text,
    outcome       text        not null, -- success | denied | failed
    source_ip     text,
    user_agent    text,
    changes       text,                 -- canonical JSON {before, after}, secret fields "***"; hashed as stored
    prev_hash     text        not null, -- hash of seq - 1 (or of the anchor)
    hash          text        not null  -- sha256(prev_hash || "\n" || canonical JSON of this entry), hex
);
create index attest_audit_entry_occurred on attest_audit_entry (occurred_at);

-- The head of the chain, one row: recording locks it (select ... for update) for the rest of the caller's
-- transaction, so two transactions can never both append after the same entry.
create table attest_audit_chain (
    id        smallint primary key check (id = 1),
    last_seq  bigint not null,
    last_hash text   not null
);
insert into attest_audit_chain (id, last_seq, last_hash) values (1, 0, repeat('0', 64));

-- Where verification starts: the last entry retention deleted (its seq and hash); seq 0 and the zero hash before any.
create table attest_audit_anchor (
    id          smallint    primary key check (id = 1),
    anchor_seq  bigint      not null,
    anchor_hash text        not null,
    moved_at    timestamptz
);
insert into attest_audit_anchor (id, anchor_seq, anchor_hash) values (1, 0, repeat('0', 64));
