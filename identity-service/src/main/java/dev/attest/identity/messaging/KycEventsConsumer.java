package dev.attest.identity.messaging;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.attest.common.inbox.Inbox;
import dev.attest.common.inbox.IncomingEvent;
import dev.attest.common.inbox.PoisonEventException;
import dev.attest.contracts.EventTypes;
import dev.attest.identity.service.IdentityIssuance;
import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.faulttolerance.Retry;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/** A KYC or KYB case's status: recorded; on a rejection, the claims issued for the case are revoked. */
@ApplicationScoped
public class KycEventsConsumer {
    private final Inbox inbox;
    private final ObjectMapper mapper;
    private final IdentityIssuance issuance;

    KycEventsConsumer(Inbox inbox, ObjectMapper mapper, IdentityIssuance issuance) {
        this.inbox = inbox;
        this.mapper = mapper;
        this.issuance = issuance;
    }

    @Incoming(Channels.KYC_EVENTS)
    @Blocking
    @Retry(maxRetries = 3, delay = 200, abortOn = PoisonEventException.class)
    public void consume(ConsumerRecord<String, byte[]> record) {
        IncomingEvent event = IncomingEvent.from(record);
        switch (event.type()) {
            case EventTypes.Kyc.STATUS_CHANGED -> inbox.processOnce(
                    "identity-service.kyc-status-changed", event, this::applyKyc);
            case EventTypes.Kyc.BUSINESS_STATUS_CHANGED -> inbox.processOnce(
                    "identity-service.kyb-status-changed", event, this::applyKyb);
            default -> {}
        }
    }

    private void applyKyc(IncomingEvent event) {
        KycStatusChanged change = event.dataAs(mapper, KycStatusChanged.class);
        EventFields.require(event, change.caseId(), "case_id");
        EventFields.require(event, change.userId(), "user_id");
        EventFields.require(event, change.status(), "status");
        issuance.onCaseStatus(event.orgId(), change.userId(), change.caseId(), change.status());
    }

    private void applyKyb(IncomingEvent event) {
        BusinessStatusChanged change = event.dataAs(mapper, BusinessStatusChanged.class);
        EventFields.require(event, change.businessCaseId(), "business_case_id");
        EventFields.require(event, change.status(), "status");
        issuance.onCaseStatus(event.orgId(), change.subjectId(), change.businessCaseId(), change.status());
    }
}
