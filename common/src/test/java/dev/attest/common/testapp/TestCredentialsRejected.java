package dev.attest.common.testapp;

import dev.attest.common.alerts.CredentialsRejectedEvent;
import dev.attest.common.events.OutgoingEvent;
import jakarta.enterprise.context.ApplicationScoped;

/** The test application's credentials-rejected event, as a service declares its own. */
@ApplicationScoped
public class TestCredentialsRejected implements CredentialsRejectedEvent {
    public static final String TYPE = "attest.test.credentials-rejected.v1";
    /** A topic of its own: the ledger's topic has a consumer of its own kind of events. */
    public static final String TOPIC = "attest.test.alerts.v1";

    /** The payload; an operation its schema refuses makes the outbox refuse the event. */
    public record Rejected(String provider, String operation, int statusCode) {}

    @Override
    public OutgoingEvent of(String orgId, String provider, String operation, int statusCode) {
        return new OutgoingEvent(
                TOPIC, TYPE, orgId, "org/" + orgId, orgId, new Rejected(provider, operation, statusCode));
    }
}
