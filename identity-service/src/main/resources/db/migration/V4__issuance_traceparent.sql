-- The trace context (W3C traceparent, ids only) of the event that asked for an identity's or a claim's next
-- transaction, so that sending and settling it, later and on the issuance worker's thread, continue that trace
-- (docs/observability.md).
alter table identities add column traceparent text;
alter table claims add column traceparent text;
