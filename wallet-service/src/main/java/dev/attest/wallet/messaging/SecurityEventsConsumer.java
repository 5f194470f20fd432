package dev.attest.wallet.messaging;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.attest.common.inbox.Inbox;
import dev.attest.common.inbox.IncomingEvent;
import dev.attest.common.inbox.PoisonEventException;
import dev.attest.contracts.EventTypes;
import dev.attest.wallet.service.TransferFreezes;
import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Set;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.faulttolerance.Retry;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * Consumes {@code attest.security.v1}'s transfer freezes and lifts (each once, through the inbox) into
 * {@link TransferFreezes}. Both are keyed by organization, so an organization's freeze and its lift arrive in order.
 * Incidents concern notification-service.
 */
@ApplicationScoped
public class SecurityEventsConsumer {
    public static final String CHANNEL = "security-events";
    private static final Set<String> KINDS = Set.of("organization", "project", "user");

    private final Inbox inbox;
    private final ObjectMapper mapper;
    private final TransferFreezes freezes;

    SecurityEventsConsumer(Inbox inbox, ObjectMapper mapper, TransferFreezes freezes) {
        this.inbox = inbox;
        this.mapper = mapper;
        this.freezes = freezes;
    }

    record FreezeChanged(String kind, String target, String orgId) {}

    @Incoming(CHANNEL)
    @Blocking
    @Retry(maxRetries = 3, delay = 200, abortOn = PoisonEventException.class)
    public void consume(ConsumerRecord<String, byte[]> record) {
        IncomingEvent event = IncomingEvent.from(record);
        switch (event.type()) {
            case EventTypes.Security.TRANSFERS_FROZEN -> inbox.processOnce(
                    "wallet-service.freezes", event, e -> freezes.freeze(changed(e), e.time()));
            case EventTypes.Security.TRANSFERS_UNFROZEN -> inbox.processOnce(
                    "wallet-service.freezes", event, e -> freezes.lift(changed(e)));
            default -> {} // incidents are notification-service's
        }
    }

    private TransferFreezes.Freeze changed(IncomingEvent event) {
        FreezeChanged data = event.dataAs(mapper, FreezeChanged.class);
        if (data.kind() == null
                || !KINDS.contains(data.kind())
                || data.target() == null
                || data.target().isBlank()) {
            throw new PoisonEventException("event " + event.id() + " names no valid kind and target");
        }
        if (!event.orgId().equals(data.orgId())) {
            throw new PoisonEventException("event " + event.id() + " freezes another organization's transfers");
        }
        return new TransferFreezes.Freeze(data.kind(), data.target(), data.orgId());
    }
}
