package dev.attest.identity.messaging;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.attest.common.events.EventSchemas;
import dev.attest.common.inbox.Inbox;
import dev.attest.common.inbox.IncomingEvent;
import dev.attest.common.inbox.PoisonEventException;
import dev.attest.contracts.EventTypes;
import dev.attest.identity.Identity;
import dev.attest.identity.LinkedWallet;
import dev.attest.identity.service.IdentityIssuance;
import dev.attest.identity.service.WalletLinks;
import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.util.regex.Pattern;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.faulttolerance.Retry;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * On WalletProvisioned: plan the identity and the claims of the user (KYC) or business (KYB) the wallet is for (the
 * worker puts them on chain). On SmartAccountReady: link the smart account to that identity as a further wallet.
 */
@ApplicationScoped
public class WalletEventsConsumer {
    private static final Pattern ADDRESS = Pattern.compile("^0x[0-9a-fA-F]{40}$");

    private final Inbox inbox;
    private final ObjectMapper mapper;
    private final IdentityIssuance issuance;
    private final WalletLinks wallets;
    private final EventSchemas schemas;

    WalletEventsConsumer(
            Inbox inbox, ObjectMapper mapper, IdentityIssuance issuance, WalletLinks wallets, EventSchemas schemas) {
        this.inbox = inbox;
        this.mapper = mapper;
        this.issuance = issuance;
        this.wallets = wallets;
        this.schemas = schemas;
    }

    @Incoming(Channels.WALLET_EVENTS)
    @Blocking
    @Retry(maxRetries = 3, delay = 200, abortOn = PoisonEventException.class)
    public void consume(ConsumerRecord<String, byte[]> record) {
        IncomingEvent event = IncomingEvent.from(record);
        switch (event.type()) {
            case EventTypes.Wallet.PROVISIONED -> inbox.processOnce(
                    "identity-service.wallet-provisioned", event, this::apply);
            case EventTypes.Wallet.SMART_ACCOUNT_READY -> inbox.processOnce(
                    "identity-service.smart-account-ready", event, this::applySmartAccount);
            default -> {} // other wallet events are not ours to act on
        }
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

    /**
     * The user's (or business's: {@code user_id} {@code business:<business_case_id>}) smart account: linked to their
     * identity in our records like a further wallet, or held until the identity exists. Data that breaks the event's
     * schema is poison.
     */
    private void applySmartAccount(IncomingEvent event) {
        JsonNode data;
        try {
            data = mapper.readTree(event.data());
        } catch (IOException e) {
            throw new PoisonEventException("event " + event.id() + " has malformed data: " + e.getMessage(), e);
        }
        if (data == null || !data.isObject()) {
            throw new PoisonEventException("event " + event.id() + " has no data object");
        }
        try {
            schemas.validate(event.type(), data);
        } catch (EventSchemas.InvalidEventException e) {
            throw new PoisonEventException("event " + event.id() + ": " + e.getMessage(), e);
        }
        SmartAccountReady account = event.dataAs(mapper, SmartAccountReady.class);
        wallets.linkOrHold(event.orgId(), account.userId(), account.address(), LinkedWallet.SMART_ACCOUNT);
    }
}
