package dev.attest.gateway.analytics;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.attest.common.inbox.Inbox;
import dev.attest.common.inbox.IncomingEvent;
import dev.attest.common.inbox.PoisonEventException;
import dev.attest.contracts.EventTypes;
import dev.attest.gateway.analytics.OnboardingSteps.Step;
import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Set;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.faulttolerance.Retry;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * Feeds the analytics from the events the services already publish: counts per hour (KYC cases by provider and
 * outcome, wallets, transfers, identities, claims, webhooks, sponsored gas with its cost in wei) and each user's
 * onboarding steps ({@link OnboardingSteps}). Its own consumer group ({@code gateway-analytics}) and inbox
 * consumer ({@code gateway.analytics}) beside {@code UsageConsumer}, whose {@code usage_daily} it leaves as it is:
 * a first deployment reads what Kafka still holds from the start. Events about a user that name no project are
 * attributed to the project of the user's KYC case, when its opening has been seen.
 */
@ApplicationScoped
public class AnalyticsConsumer {
    static final String CONSUMER = "gateway.analytics";

    private static final Set<String> TYPES = Set.of(
            EventTypes.Kyc.CASE_OPENED,
            EventTypes.Kyc.STATUS_CHANGED,
            EventTypes.Wallet.PROVISIONED,
            EventTypes.Wallet.TRANSFER_STATUS_CHANGED,
            EventTypes.Wallet.GAS_SPONSORED,
            EventTypes.Identity.CREATED,
            EventTypes.Identity.CLAIM_ISSUED,
            EventTypes.Identity.CLAIM_REVOKED,
            EventTypes.Identity.GAS_SPENT,
            EventTypes.Notification.WEBHOOK_DELIVERED,
            EventTypes.Notification.WEBHOOK_FAILED,
            EventTypes.Notification.ENDPOINT_DISABLED);
    private static final Set<String> DECIDED = Set.of("verified", "rejected");

    private final Inbox inbox;
    private final AnalyticsStore store;
    private final OnboardingSteps onboarding;
    private final ObjectMapper mapper;

    AnalyticsConsumer(Inbox inbox, AnalyticsStore store, OnboardingSteps onboarding, ObjectMapper mapper) {
        this.inbox = inbox;
        this.store = store;
        this.onboarding = onboarding;
        this.mapper = mapper;
    }

    @Incoming("analytics-kyc")
    @Blocking
    @Retry(maxRetries = 3, delay = 200, abortOn = PoisonEventException.class)
    public void kyc(ConsumerRecord<String, byte[]> record) {
        consume(record);
    }

    @Incoming("analytics-wallet")
    @Blocking
    @Retry(maxRetries = 3, delay = 200, abortOn = PoisonEventException.class)
    public void wallet(ConsumerRecord<String, byte[]> record) {
        consume(record);
    }

    @Incoming("analytics-identity")
    @Blocking
    @Retry(maxRetries = 3, delay = 200, abortOn = PoisonEventException.class)
    public void identity(ConsumerRecord<String, byte[]> record) {
        consume(record);
    }

    @Incoming("analytics-notification")
    @Blocking
    @Retry(maxRetries = 3, delay = 200, abortOn = PoisonEventException.class)
    public void notification(ConsumerRecord<String, byte[]> record) {
        consume(record);
    }

    private void consume(ConsumerRecord<String, byte[]> record) {
        IncomingEvent event = IncomingEvent.from(record);
        if (!TYPES.contains(event.type())) {
            return; // not analytics: nothing to count, nothing to remember
        }
        inbox.processOnce(CONSUMER, event, this::record);
    }

    void record(IncomingEvent event) {
        Fields f = event.dataAs(mapper, Fields.class);
        String org = event.orgId();
        Instant at = event.time() == null ? Instant.now() : event.time().toInstant();
        switch (event.type()) {
            case EventTypes.Kyc.CASE_OPENED -> {
                String project = person(f)
                        ? onboarding.reached(org, f.userId(), f.projectId(), Step.KYC_STARTED, at)
                        : key(f.projectId());
                store.add(org, project, at, AnalyticsMetrics.KYC_CASES_OPENED);
                store.add(org, project, at, AnalyticsMetrics.KYC_INQUIRIES + provider(f));
            }
            case EventTypes.Kyc.STATUS_CHANGED -> {
                String project = key(f.projectId());
                if (person(f)) {
                    project = onboarding.reached(org, f.userId(), f.projectId(), Step.SUBMITTED, at);
                    if ("verified".equals(f.status())) {
                        onboarding.reached(org, f.userId(), f.projectId(), Step.VERIFIED, at);
                    }
                }
                store.add(org, project, at, AnalyticsMetrics.KYC_OUTCOME + f.status());
                if (DECIDED.contains(f.status()) && !DECIDED.contains(f.previousStatus())) {
                    store.add(org, project, at, AnalyticsMetrics.KYC_VERIFICATIONS + provider(f));
                }
            }
            case EventTypes.Wallet.PROVISIONED -> {
                String project = person(f)
                        ? onboarding.reached(org, f.userId(), null, Step.WALLET, at)
                        : onboarding.projectOf(org, f.userId());
                store.add(org, project, at, AnalyticsMetrics.WALLETS_PROVISIONED);
            }
            case EventTypes.Wallet.TRANSFER_STATUS_CHANGED -> {
                String project = onboarding.projectOf(org, f.userId());
                if (f.previousStatus() == null) {
                    store.add(org, project, at, AnalyticsMetrics.TRANSFERS_STARTED);
                }
                if ("confirmed".equals(f.status())) {
                    store.add(org, project, at, AnalyticsMetrics.TRANSFERS_CONFIRMED);
                } else if ("failed".equals(f.status()) || "rejected".equals(f.status())) {
                    store.add(org, project, at, AnalyticsMetrics.TRANSFERS_FAILED);
                }
            }
            case EventTypes.Wallet.GAS_SPONSORED -> {
                String project = f.projectId() != null ? f.projectId() : onboarding.projectOf(org, f.userId());
                store.add(org, project, at, AnalyticsMetrics.GAS_SPONSORED + f.paymasterKind(), wei(f.gasCost()));
            }
            case EventTypes.Identity.CREATED -> store.add(
                    org, onboarding.projectOf(org, f.userId()), at, AnalyticsMetrics.IDENTITIES_CREATED);
            case EventTypes.Identity.CLAIM_ISSUED -> {
                String project = person(f)
                        ? onboarding.reached(org, f.userId(), null, Step.CLAIM, at)
                        : onboarding.projectOf(org, f.userId());
                store.add(org, project, at, AnalyticsMetrics.CLAIMS_ISSUED);
            }
            case EventTypes.Identity.CLAIM_REVOKED -> store.add(
                    org, onboarding.projectOf(org, f.userId()), at, AnalyticsMetrics.CLAIMS_REVOKED);
            case EventTypes.Identity.GAS_SPENT -> store.add(
                    org, onboarding.projectOf(org, f.userId()), at, AnalyticsMetrics.GAS_OPERATOR, wei(f.gasCost()));
            case EventTypes.Notification.WEBHOOK_DELIVERED -> store.add(
                    org, key(f.projectId()), at, AnalyticsMetrics.WEBHOOKS_DELIVERED);
            case EventTypes.Notification.WEBHOOK_FAILED -> store.add(
                    org, key(f.projectId()), at, AnalyticsMetrics.WEBHOOKS_FAILED);
            case EventTypes.Notification.ENDPOINT_DISABLED -> store.add(
                    org, key(f.projectId()), at, AnalyticsMetrics.WEBHOOK_ENDPOINTS_DISABLED);
            default -> {}
        }
    }

    private static boolean person(Fields f) {
        return !"business".equals(f.subject()) && OnboardingSteps.isPerson(f.userId());
    }

    private static String key(String projectId) {
        return projectId == null ? "" : projectId;
    }

    private static String provider(Fields f) {
        return f.provider() == null ? "persona" : f.provider();
    }

    private static BigDecimal wei(String gasCost) {
        try {
            return gasCost == null ? BigDecimal.ZERO : new BigDecimal(gasCost);
        } catch (NumberFormatException e) {
            throw new PoisonEventException("gas_cost is not a number of wei: " + gasCost, e);
        }
    }

    /** The only fields analytics reads; every other field of the events is ignored. */
    record Fields(
            String userId,
            String projectId,
            String provider,
            String status,
            String previousStatus,
            String subject,
            String paymasterKind,
            String gasCost) {}
}
