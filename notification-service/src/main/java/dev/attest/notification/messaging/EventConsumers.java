package dev.attest.notification.messaging;

import dev.attest.common.inbox.Inbox;
import dev.attest.common.inbox.IncomingEvent;
import dev.attest.common.inbox.PoisonEventException;
import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.faulttolerance.Retry;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * The service's Kafka consumers, one per {@code attest.*} topic: each event once (inbox), bounded retries,
 * then the topic's dead-letter twin. {@code attest.tenant.v1} is consumed by common's tenant replica, whose events
 * {@link TenantEventHandler} observes.
 */
@ApplicationScoped
public class EventConsumers {
    public static final String KYC = "kyc-events";
    public static final String WALLET = "wallet-events";
    public static final String IDENTITY = "identity-events";
    public static final String DOCUMENT = "document-events";
    public static final String SECURITY = "security-events";

    private final Inbox inbox;
    private final DomainEventRouter router;
    private final ProviderCredentialsAlerts credentialAlerts;
    private final SecurityIncidentAlerts incidentAlerts;

    EventConsumers(
            Inbox inbox,
            DomainEventRouter router,
            ProviderCredentialsAlerts credentialAlerts,
            SecurityIncidentAlerts incidentAlerts) {
        this.inbox = inbox;
        this.router = router;
        this.credentialAlerts = credentialAlerts;
        this.incidentAlerts = incidentAlerts;
    }

    @Incoming(KYC)
    @Blocking
    @Retry(maxRetries = 3, delay = 200, abortOn = PoisonEventException.class)
    public void kyc(ConsumerRecord<String, byte[]> record) {
        inbox.processOnce("notification.kyc", IncomingEvent.from(record), this::providerEvent);
    }

    @Incoming(WALLET)
    @Blocking
    @Retry(maxRetries = 3, delay = 200, abortOn = PoisonEventException.class)
    public void wallet(ConsumerRecord<String, byte[]> record) {
        inbox.processOnce("notification.wallet", IncomingEvent.from(record), this::providerEvent);
    }

    /** KYC and wallet events: rejected provider credentials alert the admins, the rest concern users. */
    private void providerEvent(IncomingEvent event) {
        if (ProviderCredentialsAlerts.handles(event.type())) {
            credentialAlerts.handle(event);
        } else {
            router.route(event);
        }
    }

    @Incoming(IDENTITY)
    @Blocking
    @Retry(maxRetries = 3, delay = 200, abortOn = PoisonEventException.class)
    public void identity(ConsumerRecord<String, byte[]> record) {
        inbox.processOnce("notification.identity", IncomingEvent.from(record), router::route);
    }

    @Incoming(DOCUMENT)
    @Blocking
    @Retry(maxRetries = 3, delay = 200, abortOn = PoisonEventException.class)
    public void document(ConsumerRecord<String, byte[]> record) {
        inbox.processOnce("notification.document", IncomingEvent.from(record), router::route);
    }

    @Incoming(SECURITY)
    @Blocking
    @Retry(maxRetries = 3, delay = 200, abortOn = PoisonEventException.class)
    public void security(ConsumerRecord<String, byte[]> record) {
        inbox.processOnce("notification.security", IncomingEvent.from(record), incidentAlerts::handle);
    }
}
