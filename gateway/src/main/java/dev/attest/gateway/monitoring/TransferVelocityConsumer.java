package dev.attest.gateway.monitoring;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.attest.common.inbox.Inbox;
import dev.attest.common.inbox.IncomingEvent;
import dev.attest.common.inbox.PoisonEventException;
import dev.attest.contracts.EventTypes;
import dev.attest.gateway.service.TenantAccess;
import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.faulttolerance.Retry;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * Counts each new transfer (its first {@code transfer-status-changed}) as a signal of its user, in the bucket of
 * the event's time, so a backlog read late counts where it happened and raises nothing now. Its own consumer group
 * ({@code gateway-security}) and inbox consumer ({@code gateway.security}): each transfer counts once.
 */
@ApplicationScoped
public class TransferVelocityConsumer {
    static final String CONSUMER = "gateway.security";

    private final Inbox inbox;
    private final SignalStore store;
    private final ObjectMapper mapper;

    TransferVelocityConsumer(Inbox inbox, SignalStore store, ObjectMapper mapper) {
        this.inbox = inbox;
        this.store = store;
        this.mapper = mapper;
    }

    @Incoming("security-wallet")
    @Blocking
    @Retry(maxRetries = 3, delay = 200, abortOn = PoisonEventException.class)
    public void consume(ConsumerRecord<String, byte[]> record) {
        IncomingEvent event = IncomingEvent.from(record);
        if (EventTypes.Wallet.TRANSFER_STATUS_CHANGED.equals(event.type())) {
            inbox.processOnce(CONSUMER, event, this::count);
        }
    }

    void count(IncomingEvent event) {
        Transfer transfer = event.dataAs(mapper, Transfer.class);
        if (transfer.previousStatus() != null
                || transfer.userId() == null
                || transfer.userId().isBlank()) {
            return; // a later step of a transfer already counted, or one of no user
        }
        Instant at = event.time() == null ? Instant.now() : event.time().toInstant();
        store.add(List.of(new SignalStore.SignalCount(
                Detector.TRANSFER_VELOCITY,
                Subjects.user(transfer.userId()),
                SecuritySignals.bucketOf(at),
                TenantAccess.parseUuid(event.orgId()).orElse(null),
                null,
                1,
                transfer.walletId() == null ? Map.of() : Map.of("wallet", Map.of(transfer.walletId(), 1L)))));
    }

    /** The only fields read; every other is ignored. */
    record Transfer(String userId, String walletId, String previousStatus) {}
}
