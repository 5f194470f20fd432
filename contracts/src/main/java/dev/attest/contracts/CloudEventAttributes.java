package dev.attest.contracts;

/** Names of the CloudEvents extension attributes Attest sets on every event (binary mode: {@code ce_<name>}). */
public final class CloudEventAttributes {
    /** The tenant of the event. */
    public static final String ORG_ID = "orgid";
    /** W3C trace context of the request that caused the event (CloudEvents distributed-tracing extension). */
    public static final String TRACEPARENT = "traceparent";

    private CloudEventAttributes() {}
}
