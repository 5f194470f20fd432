-- The trace context of the request that delivered the webhook (W3C traceparent, ids only), so that applying it
-- later, on the webhook worker's thread, continues that request's trace (docs/observability.md).
alter table persona_webhook add column traceparent text;
