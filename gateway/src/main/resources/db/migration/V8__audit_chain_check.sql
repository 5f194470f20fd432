-- The last head of each service's audit chain that the gateway's copy matched (issue 20, docs/audit.md): the next
-- comparison checks the copy's links from there on.
create table audit_chain_check (
    service    text        primary key,
    seq        bigint      not null,
    hash       text        not null,
    checked_at timestamptz not null
);
