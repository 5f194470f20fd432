-- Provider fallback (issue 21): a new case goes to its project's fallback provider while the preferred one is
-- unavailable, and says so. fallback_from: the provider it was meant for; fallback_reason: why it moved
-- (circuit-open, credentials-refused, rate-limited, not-configured, unreachable); fallback_at: when.
-- open_calls_unsettled: create calls to the case's provider that were started and did not end in an answer that
-- proves nothing was created (still in flight, or a timeout, a 5xx, a crash mid-call). Only a case with none may
-- move: otherwise the provider may hold an inquiry for it, and a case is never opened at two providers.
alter table kyc_case
    add column fallback_from   text,
    add column fallback_reason text,
    add column fallback_at     timestamptz,
    add column open_calls_unsettled integer not null default 0;

-- Cases made before this column may have had a create call in flight: they stay where they are.
update kyc_case set open_calls_unsettled = 1 where provider_reference is null;
