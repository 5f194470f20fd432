-- Security monitoring (issue 20, docs/security-monitoring.md): what the detectors count, the incidents they raise,
-- the responses taken to them, and the transfer freezes those responses set.

-- Counts per detector, subject (what an attack comes from or aims at: "source:<address>", "caller:<sub>", ...) and
-- 10-second bucket, added to by every replica (its in-memory tallies, flushed every few seconds) and by the
-- consumers of events (transfers) and of Keycloak's sign-in failures. Kept for attest.monitoring.signal-retention.
create table security_signal (
    detector   text        not null,
    subject    text        not null,
    bucket     timestamptz not null,
    org_id     uuid,
    project_id uuid,
    count      bigint      not null,
    -- a sample of what the signals had in common: {attribute: {value: count}}, at most a few values each
    evidence   jsonb       not null default '{}',
    primary key (detector, subject, bucket)
);
create index security_signal_window on security_signal (detector, bucket);
create index security_signal_age on security_signal (bucket);

create table security_incident (
    id              uuid        primary key,
    detector        text        not null,
    subject         text        not null,
    severity        text        not null check (severity in ('low', 'medium', 'high', 'critical')),
    status          text        not null check (status in ('open', 'resolved')),
    summary         text        not null,
    org_id          uuid,
    project_id      uuid,
    -- the signals of the attack since its first bucket, and what they had in common
    signal_count    bigint      not null,
    evidence        jsonb       not null,
    first_signal_at timestamptz not null,
    last_signal_at  timestamptz not null,
    opened_at       timestamptz not null,
    resolved_at     timestamptz,
    resolved_by     text,
    resolution_note text
);
-- one open incident per attack: later signals of the same detector and subject add to it
create unique index security_incident_open on security_incident (detector, subject) where status = 'open';
create index security_incident_recent on security_incident (opened_at desc, id);
create index security_incident_org on security_incident (org_id, opened_at desc, id);

create table security_incident_action (
    id          uuid        primary key,
    incident_id uuid        not null references security_incident (id),
    kind        text        not null,
    target      text        not null,
    reason      text        not null,
    -- false when the target was already so (a key already revoked, a project already suspended): its undo then
    -- leaves it as it was
    changed     boolean     not null,
    taken_by    text        not null,
    taken_at    timestamptz not null,
    undone_by   text,
    undone_at   timestamptz
);
create index security_incident_action_incident on security_incident_action (incident_id, taken_at);

-- Transfers refused at the edge (403 transfers-frozen) for an organization, a project, or a user acting in an
-- organization; read by the gateway on every request that moves value.
create table transfer_freeze (
    kind      text        not null check (kind in ('organization', 'project', 'user')),
    target    text        not null,
    org_id    uuid        not null,
    reason    text        not null,
    frozen_by text        not null,
    frozen_at timestamptz not null,
    primary key (kind, target, org_id)
);

-- Where a poller of another system's events has read up to (Keycloak's sign-in failures).
create table security_cursor (
    name     text primary key,
    position text not null
);

-- Evidence is {attribute: {value: count}}: merging two sums the counts of each value and keeps each attribute's
-- ten most frequent values, so an attack from a million addresses still has a small record.
create function security_evidence_merge(a jsonb, b jsonb) returns jsonb
    language sql immutable as $$
    select coalesce(jsonb_object_agg(attribute, top), '{}'::jsonb)
    from (select attribute, jsonb_object_agg(value, total) as top
          from (select attribute, value, total,
                       row_number() over (partition by attribute order by total desc, value) as rank
                from (select e.key as attribute, v.key as value, sum((v.value #>> '{}')::bigint) as total
                      from (select * from jsonb_each(coalesce(a, '{}'::jsonb))
                            union all
                            select * from jsonb_each(coalesce(b, '{}'::jsonb))) e,
                           jsonb_each(e.value) v
                      group by e.key, v.key) summed) ranked
          where rank <= 10
          group by attribute) merged
$$;

create aggregate security_evidence_sum(jsonb) (
    sfunc = security_evidence_merge,
    stype = jsonb,
    initcond = '{}'
);

create index security_incident_subject on security_incident (detector, subject, resolved_at);
