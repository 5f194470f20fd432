package dev.attest.gateway.audit;

import com.fasterxml.jackson.databind.JsonNode;
import dev.attest.common.inbox.Inbox;
import dev.attest.common.inbox.IncomingEvent;
import dev.attest.common.inbox.PoisonEventException;
import dev.attest.contracts.EventTypes;
import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.faulttolerance.Retry;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * Keeps every service's audit entries ({@code attest.audit.v1}) in the gateway's store, each once (inbox consumer
 * {@code gateway.audit}; the store's key, service and sequence, absorbs a republished entry too), and compares each
 * service's chain head with that copy ({@link AuditChainComparison}). An entry whose envelope names another
 * organization than its data, or a head sent by another service, is poison: it goes to the dead-letter topic.
 */
@ApplicationScoped
public class AuditStoreConsumer {
    static final String CHANNEL = "audit-entries";

    private final Inbox inbox;
    private final AuditStore store;
    private final AuditChainComparison comparison;

    AuditStoreConsumer(Inbox inbox, AuditStore store, AuditChainComparison comparison) {
        this.inbox = inbox;
        this.store = store;
        this.comparison = comparison;
    }

    @Incoming(CHANNEL)
    @Blocking
    @Retry(maxRetries = 3, delay = 200, abortOn = PoisonEventException.class)
    public void consume(ConsumerRecord<String, byte[]> record) {
        IncomingEvent event = IncomingEvent.from(record);
        if (EventTypes.Audit.ENTRY_RECORDED.equals(event.type())) {
            inbox.processOnce("gateway.audit", event, this::store);
        } else if (EventTypes.Audit.CHAIN_HEAD.equals(event.type())) {
            inbox.processOnce("gateway.audit", event, this::compare);
        }
    }

    /** A service's chain head: after its entries on the same key, so the copy holds every entry up to it. */
    private void compare(IncomingEvent event) {
        JsonNode data = json(event);
        comparison.compare(serviceOf(event, data), data.path("seq").asLong(), required(data, "hash"));
    }

    /** The event's data; what is not JSON is poison. */
    private static JsonNode json(IncomingEvent event) {
        try {
            return AuditResource.MAPPER.readTree(event.data());
        } catch (java.io.IOException e) {
            throw new PoisonEventException(event.type() + " is not JSON: " + e.getMessage());
        }
    }

    /** The service the data names, which must be the one that sent it: no service speaks for another. */
    private static String serviceOf(IncomingEvent event, JsonNode data) {
        String service = required(data, "service");
        if (!("/attest/" + service).equals(event.source())) {
            throw new PoisonEventException(event.type() + " of " + service + " sent by " + event.source());
        }
        return service;
    }

    private void store(IncomingEvent event) {
        JsonNode data = json(event);
        String orgId = text(data, "org_id");
        String envelopeOrg = event.orgId();
        if (orgId == null
                ? !dev.attest.common.audit.AuditTrail.PLATFORM_ORG.equals(envelopeOrg)
                : !orgId.equals(envelopeOrg)) {
            throw new PoisonEventException("audit entry of org " + orgId + " in an envelope of org " + envelopeOrg);
        }
        String service = serviceOf(event, data);
        List<String> roles = new ArrayList<>();
        data.path("actor_roles").forEach(role -> roles.add(role.asText()));
        JsonNode changes = data.get("changes");
        boolean hasChanges = changes != null && !changes.isNull();
        store.store(
                new AuditStore.AuditRecord(
                        service,
                        data.path("seq").asLong(),
                        required(data, "entry_id"),
                        Instant.parse(required(data, "occurred_at")),
                        required(data, "actor_subject"),
                        required(data, "actor_kind"),
                        roles,
                        orgId,
                        text(data, "project_id"),
                        required(data, "action"),
                        text(data, "target_type"),
                        text(data, "target_id"),
                        required(data, "outcome"),
                        text(data, "source_ip"),
                        text(data, "user_agent"),
                        hasChanges ? changes : null,
                        required(data, "hash"),
                        required(data, "prev_hash")),
                hasChanges ? changes.toString() : null);
    }

    private static String text(JsonNode data, String field) {
        JsonNode value = data.get(field);
        return value == null || value.isNull() ? null : value.asText();
    }

    private static String required(JsonNode data, String field) {
        String value = text(data, field);
        if (value == null) {
            throw new PoisonEventException("audit entry without " + field);
        }
        return value;
    }
}
