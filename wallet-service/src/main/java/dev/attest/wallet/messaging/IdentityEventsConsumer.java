package dev.attest.wallet.messaging;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.attest.common.inbox.Inbox;
import dev.attest.common.inbox.IncomingEvent;
import dev.attest.common.inbox.PoisonEventException;
import dev.attest.contracts.EventTypes;
import dev.attest.wallet.ClaimStanding;
import dev.attest.wallet.events.ClaimChanged;
import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import java.time.Instant;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.faulttolerance.Retry;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * Consumes {@code attest.identity.v1}'s claim events: a sponsored transfer needs the user's identity to hold the
 * platform's claim. The event of the later block wins, so a redelivered or late event never undoes a newer one.
 */
@ApplicationScoped
public class IdentityEventsConsumer {
    public static final String CHANNEL = "identity-events";

    private final Inbox inbox;
    private final ObjectMapper mapper;
    private final EntityManager db;

    IdentityEventsConsumer(Inbox inbox, ObjectMapper mapper, EntityManager db) {
        this.inbox = inbox;
        this.mapper = mapper;
        this.db = db;
    }

    @Incoming(CHANNEL)
    @Blocking
    @Retry(maxRetries = 3, delay = 200, abortOn = PoisonEventException.class)
    public void consume(ConsumerRecord<String, byte[]> record) {
        IncomingEvent event = IncomingEvent.from(record);
        switch (event.type()) {
            case EventTypes.Identity.CLAIM_ISSUED -> inbox.processOnce(
                    "wallet-service.claims", event, e -> apply(e, ClaimStanding.ISSUED));
            case EventTypes.Identity.CLAIM_REVOKED -> inbox.processOnce(
                    "wallet-service.claims", event, e -> apply(e, ClaimStanding.REVOKED));
            default -> {} // identities and failures concern other services
        }
    }

    private void apply(IncomingEvent event, String status) {
        ClaimChanged changed = event.dataAs(mapper, ClaimChanged.class);
        if (changed.userId() == null || changed.topic() == null || changed.blockNumber() == null) {
            throw new PoisonEventException("event " + event.id() + " lacks user_id, topic or block_number");
        }
        ClaimStanding.Key key = new ClaimStanding.Key(event.orgId(), changed.userId(), changed.topic());
        ClaimStanding standing = db.find(ClaimStanding.class, key, LockModeType.PESSIMISTIC_WRITE);
        if (standing == null) {
            standing = new ClaimStanding();
            standing.orgId = key.orgId;
            standing.userId = key.userId;
            standing.topic = key.topic;
            record(standing, status, changed.blockNumber());
            db.persist(standing);
        } else if (changed.blockNumber() >= standing.blockNumber) {
            record(standing, status, changed.blockNumber());
        }
    }

    private static void record(ClaimStanding standing, String status, long blockNumber) {
        standing.status = status;
        standing.blockNumber = blockNumber;
        standing.updatedAt = Instant.now();
    }
}
