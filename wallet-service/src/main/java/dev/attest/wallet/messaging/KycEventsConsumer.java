package dev.attest.wallet.messaging;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.attest.common.inbox.Inbox;
import dev.attest.common.inbox.IncomingEvent;
import dev.attest.common.inbox.PoisonEventException;
import dev.attest.contracts.EventTypes;
import dev.attest.wallet.Wallet;
import dev.attest.wallet.events.BusinessStatusChanged;
import dev.attest.wallet.events.KycStatusChanged;
import dev.attest.wallet.service.ProvisioningService;
import dev.attest.wallet.service.Verification;
import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.faulttolerance.Retry;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * Consumes {@code attest.kyc.v1}: a user whose KYC becomes verified, or a business whose KYB case does, is due a
 * wallet.
 */
@ApplicationScoped
public class KycEventsConsumer {
    public static final String CHANNEL = "kyc-events";

    private final Inbox inbox;
    private final ObjectMapper mapper;
    private final ProvisioningService provisioning;

    KycEventsConsumer(Inbox inbox, ObjectMapper mapper, ProvisioningService provisioning) {
        this.inbox = inbox;
        this.mapper = mapper;
        this.provisioning = provisioning;
    }

    @Incoming(CHANNEL)
    @Blocking
    @Retry(maxRetries = 3, delay = 200, abortOn = PoisonEventException.class)
    public void consume(ConsumerRecord<String, byte[]> record) {
        IncomingEvent event = IncomingEvent.from(record);
        switch (event.type()) {
            case EventTypes.Kyc.STATUS_CHANGED -> inbox.processOnce("wallet-service.kyc-status", event, this::applyKyc);
            case EventTypes.Kyc.BUSINESS_STATUS_CHANGED -> inbox.processOnce(
                    "wallet-service.kyb-status", event, this::applyKyb);
            default -> {} // other KYC events concern other services
        }
    }

    private void applyKyc(IncomingEvent event) {
        KycStatusChanged changed = event.dataAs(mapper, KycStatusChanged.class);
        if (changed.userId() == null || changed.caseId() == null || changed.status() == null) {
            throw new PoisonEventException("event " + event.id() + " lacks user_id, case_id or status");
        }
        if (changed.isBusinessOwner()) {
            return;
        }
        provisioning.onVerification(
                event.orgId(),
                new Verification(
                        Wallet.USER,
                        changed.userId(),
                        changed.caseId(),
                        changed.projectId(),
                        changed.status(),
                        changed.level()));
    }

    private void applyKyb(IncomingEvent event) {
        BusinessStatusChanged changed = event.dataAs(mapper, BusinessStatusChanged.class);
        if (changed.businessCaseId() == null || changed.status() == null) {
            throw new PoisonEventException("event " + event.id() + " lacks business_case_id or status");
        }
        provisioning.onVerification(
                event.orgId(),
                new Verification(
                        Wallet.BUSINESS,
                        changed.subjectId(),
                        changed.businessCaseId(),
                        changed.projectId(),
                        changed.status(),
                        null));
    }
}
