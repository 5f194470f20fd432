package dev.attest.identity.messaging;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.attest.common.inbox.Inbox;
import dev.attest.common.inbox.IncomingEvent;
import dev.attest.common.inbox.PoisonEventException;
import dev.attest.contracts.EventTypes;
import dev.attest.identity.Identity;
import dev.attest.identity.service.IdentityIssuance;
import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.regex.Pattern;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.faulttolerance.Retry;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * On WalletProvisioned: plan the identity and the claims of the user (KYC) or business (KYB) the wallet is for (the
 * worker puts them on chain).
 */
@ApplicationScoped
public class WalletEventsConsumer {
    private static final Pattern ADDRESS = Pattern.compile("^0x[0-9a-fA-F]{40}$");

    private final Inbox inbox;
    private final ObjectMapper mapper;
    private final IdentityIssuance issuance;

    WalletEventsConsumer(Inbox inbox, ObjectMapper mapper, IdentityIssuance issuance) {
        this.inbox = inbox;
        this.mapper = mapper;
        this.issuance = issuance;
    }

    @Incoming(Channels.WALLET_EVENTS)
    @Blocking
    @Retry(maxRetries = 3, delay = 200, abortOn = PoisonEventException.class)
    public void consume(ConsumerRecord<String, byte[]> record) {
        IncomingEvent event = IncomingEvent.from(record);
        if (!EventTypes.Wallet.PROVISIONED.equals(event.type())) {
            return; // other wallet events are not ours to act on
        }
        inbox.processOnce("identity-service.wallet-provisioned", event, this::apply);
    }

    private void apply(IncomingEvent event) {
        WalletProvisioned wallet = event.dataAs(mapper, WalletProvisioned.class);
        EventFields.require(event, wallet.userId(), "user_id");
        EventFields.require(event, wallet.kycCaseId(), "kyc_case_id");
        String subject = wallet.subjectKind();
        if (Identity.USER.equals(subject)) {
            EventFields.require(event, wallet.kycLevel(), "kyc_level"); // part of a KYC claim's data; KYB has none
        }
        if (wallet.address() == null || !ADDRESS.matcher(wallet.address()).matches()) {
            throw new PoisonEventException("event " + event.id() + " has no EVM address");
        }
        issuance.requestIdentity(
                event.orgId(), subject, wallet.userId(), wallet.address(), wallet.kycCaseId(), wallet.kycLevel());
    }
}
