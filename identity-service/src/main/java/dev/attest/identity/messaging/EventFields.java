package dev.attest.identity.messaging;

import dev.attest.common.inbox.IncomingEvent;
import dev.attest.common.inbox.PoisonEventException;

/** Checks on the fields consumers need: an event without them can never be processed, so it is poison. */
final class EventFields {
    private EventFields() {}

    static void require(IncomingEvent event, String value, String field) {
        if (value == null || value.isBlank()) {
            throw new PoisonEventException("event " + event.id() + " has no " + field);
        }
    }
}
