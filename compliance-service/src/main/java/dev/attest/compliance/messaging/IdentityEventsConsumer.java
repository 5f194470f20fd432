package dev.attest.compliance.messaging;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.attest.common.inbox.Inbox;
import dev.attest.common.inbox.IncomingEvent;
import dev.attest.common.inbox.PoisonEventException;
import dev.attest.compliance.business.BusinessClaims;
import dev.attest.compliance.service.ClaimService;
import dev.attest.contracts.EventTypes;
import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.faulttolerance.Retry;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

/**
 * Stores the claim references identity-service announces on {@code attest.identity.v1}: an issued claim
 * on its case (a KYC case, or a business case for a claim whose {@code subject} is {@code business}), a revoked one
 * marked revoked. Other identity events are not this service's concern.
 */
@ApplicationScoped
public class IdentityEventsConsumer {
    public static final String CHANNEL = "identity-events";
    private static final Logger LOG = Logger.getLogger(IdentityEventsConsumer.class);

    private final Inbox inbox;
    private final ObjectMapper mapper;
    private final ClaimService claims;
    private final BusinessClaims businessClaims;

    IdentityEventsConsumer(Inbox inbox, ObjectMapper mapper, ClaimService claims, BusinessClaims businessClaims) {
        this.inbox = inbox;
        this.mapper = mapper;
        this.claims = claims;
        this.businessClaims = businessClaims;
    }

    /** The fields of the claim events this consumer reads (tolerant reader); no subject means a user. */
    record ClaimEvent(String kycCaseId, String claimId, String txHash, String subject) {
        boolean ofBusiness() {
            return "business".equals(subject);
        }
    }

    @Incoming(CHANNEL)
    @Blocking
    @Retry(maxRetries = 3, delay = 200, abortOn = PoisonEventException.class)
    public void consume(ConsumerRecord<String, byte[]> record) {
        IncomingEvent event = IncomingEvent.from(record);
        if (!EventTypes.Identity.CLAIM_ISSUED.equals(event.type())
                && !EventTypes.Identity.CLAIM_REVOKED.equals(event.type())) {
            return;
        }
        inbox.processOnce("compliance.claims", event, this::apply);
    }

    private void apply(IncomingEvent event) {
        ClaimEvent claim = event.dataAs(mapper, ClaimEvent.class);
        if (claim.kycCaseId() == null || claim.claimId() == null) {
            throw new PoisonEventException("event " + event.id() + " names no kyc_case_id or claim_id");
        }
        UUID caseId;
        try {
            caseId = UUID.fromString(claim.kycCaseId());
        } catch (IllegalArgumentException e) {
            throw new PoisonEventException("event " + event.id() + " has a kyc_case_id that is not a case id", e);
        }
        if (EventTypes.Identity.CLAIM_REVOKED.equals(event.type())) {
            if (claim.ofBusiness()) {
                businessClaims.revoked(event.orgId(), caseId, claim.claimId());
            } else {
                claims.revoked(event.orgId(), caseId, claim.claimId());
            }
            return;
        }
        if (claim.txHash() == null) {
            throw new PoisonEventException("event " + event.id() + " has no tx_hash");
        }
        boolean recorded = claim.ofBusiness()
                ? businessClaims
                        .record(event.orgId(), caseId, claim.claimId(), claim.txHash())
                        .isPresent()
                : claims.record(event.orgId(), caseId, claim.claimId(), claim.txHash())
                        .isPresent();
        if (!recorded) {
            // A claim for a case this organization does not have here: nothing to attach it to.
            LOG.warnf("Identity event %s names case %s, unknown in org %s; ignored", event.id(), caseId, event.orgId());
        }
    }
}
