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

/** On a KYC case rejected: revoke the claims issued for it. */
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
        if (!EventTypes.Kyc.STATUS_CHANGED.equals(event.type())) {
            return;
        }
        inbox.processOnce("identity-service.kyc-status-changed", event, this::apply);
    }

    private void apply(IncomingEvent event) {
        KycStatusChanged change = event.dataAs(mapper, KycStatusChanged.class);
        EventFields.require(event, change.caseId(), "case_id");
        EventFields.require(event, change.userId(), "user_id");
        EventFields.require(event, change.status(), "status");
        if (KycStatusChanged.REJECTED.equals(change.status())) {
            issuance.requestRevocation(event.orgId(), change.userId(), change.caseId());
        }
    }
}
