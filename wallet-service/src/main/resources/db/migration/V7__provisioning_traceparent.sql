-- The trace context (W3C traceparent, ids only) of the event or request that made the wallet due, so that its
-- provisioning, later and on the worker's thread, continues that trace (docs/observability.md).
alter table wallet add column traceparent text;
