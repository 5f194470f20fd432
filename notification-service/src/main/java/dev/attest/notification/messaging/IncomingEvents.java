package dev.attest.notification.messaging;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.attest.common.inbox.IncomingEvent;
import dev.attest.common.inbox.PoisonEventException;
import java.io.IOException;
import java.time.Clock;
import java.time.Instant;

/** What a webhook message takes from the event it passes on: the data as it came, and the event's time. */
final class IncomingEvents {
    private IncomingEvents() {}

    /** The data as a JSON object: fields this service does not know reach the customer too. */
    static JsonNode dataObject(ObjectMapper mapper, IncomingEvent event) {
        try {
            JsonNode data = mapper.readTree(event.data());
            if (data == null || !data.isObject()) {
                throw new PoisonEventException("event " + event.id() + " has no JSON object as data");
            }
            return data;
        } catch (IOException e) {
            throw new PoisonEventException("event " + event.id() + " has malformed data: " + e.getMessage(), e);
        }
    }

    /** When the event happened; an event that does not say is taken as happening now. */
    static Instant timeOf(IncomingEvent event, Clock clock) {
        return event.time() != null ? event.time().toInstant() : clock.instant();
    }
}
