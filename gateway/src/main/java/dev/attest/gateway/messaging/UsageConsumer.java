package dev.attest.gateway.messaging;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.attest.common.inbox.Inbox;
import dev.attest.common.inbox.IncomingEvent;
import dev.attest.common.inbox.PoisonEventException;
import dev.attest.contracts.EventTypes;
import dev.attest.gateway.service.UsageService;
import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Optional;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.faulttolerance.Retry;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * Counts what the services report into the usage table: KYC cases opened, wallets provisioned,
 * transfers started and webhooks delivered. Each event counts once (inbox); other types are not usage.
 */
@ApplicationScoped
public class UsageConsumer {
    static final String KYC_CHANNEL = "usage-kyc";
    static final String WALLET_CHANNEL = "usage-wallet";
    static final String NOTIFICATION_CHANNEL = "usage-notification";

    /** The event types that are usage, and the metric each one counts. */
    private static final Map<String, String> METRICS = Map.of(
            EventTypes.Kyc.CASE_OPENED, UsageService.KYC_CASES_OPENED,
            EventTypes.Wallet.PROVISIONED, UsageService.WALLETS_PROVISIONED,
            EventTypes.Wallet.TRANSFER_STATUS_CHANGED, UsageService.TRANSFERS,
            EventTypes.Notification.WEBHOOK_DELIVERED, UsageService.WEBHOOKS_DELIVERED);

    private final Inbox inbox;
    private final UsageService usage;
    private final ObjectMapper mapper;

    UsageConsumer(Inbox inbox, UsageService usage, ObjectMapper mapper) {
        this.inbox = inbox;
        this.usage = usage;
        this.mapper = mapper;
    }

    @Incoming(KYC_CHANNEL)
    @Blocking
    @Retry(maxRetries = 3, delay = 200, abortOn = PoisonEventException.class)
    public void kyc(ConsumerRecord<String, byte[]> record) {
        consume(record);
    }

    @Incoming(WALLET_CHANNEL)
    @Blocking
    @Retry(maxRetries = 3, delay = 200, abortOn = PoisonEventException.class)
    public void wallet(ConsumerRecord<String, byte[]> record) {
        consume(record);
    }

    @Incoming(NOTIFICATION_CHANNEL)
    @Blocking
    @Retry(maxRetries = 3, delay = 200, abortOn = PoisonEventException.class)
    public void notification(ConsumerRecord<String, byte[]> record) {
        consume(record);
    }

    private void consume(ConsumerRecord<String, byte[]> record) {
        IncomingEvent event = IncomingEvent.from(record);
        String metric = METRICS.get(event.type());
        if (metric == null) {
            return; // not usage: nothing to count, nothing to remember
        }
        inbox.processOnce("gateway.usage", event, e -> count(e, metric));
    }

    private void count(IncomingEvent event, String metric) {
        UsageFields fields = event.dataAs(mapper, UsageFields.class);
        if (UsageService.TRANSFERS.equals(metric) && fields.previousStatus() != null) {
            return; // a transfer counts once, at its first status
        }
        LocalDate day = event.time() == null
                ? LocalDate.now(ZoneOffset.UTC)
                : event.time().atZoneSameInstant(ZoneOffset.UTC).toLocalDate();
        usage.count(event.orgId(), Optional.ofNullable(fields.projectId()), day, metric);
    }

    /** The only fields usage needs; every other field of the event is ignored. */
    record UsageFields(String projectId, String previousStatus) {}
}
