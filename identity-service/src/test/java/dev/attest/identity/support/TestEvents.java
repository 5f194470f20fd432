package dev.attest.identity.support;

import dev.attest.common.events.Topics;
import dev.attest.contracts.EventTypes;
import dev.attest.testing.EventData;
import dev.attest.testing.EventPublisher;
import dev.attest.testing.TenantEventData;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/** Publishes the events identity-service consumes, as wallet-service and compliance-service write them. */
public final class TestEvents implements AutoCloseable {
    private final EventPublisher events = new EventPublisher();

    /** Sends WalletProvisioned; returns the event id. */
    public String walletProvisioned(String orgId, String userId, String address, String caseId) {
        return provisioned(orgId, userId, address, caseId).send();
    }

    /** Sends WalletProvisioned as made in the trace {@code traceparent} names (W3C). */
    public void walletProvisionedInTrace(
            String orgId, String userId, String address, String caseId, String traceparent) {
        provisioned(orgId, userId, address, caseId).traceparent(traceparent).send();
    }

    /** Sends WalletProvisioned with the id of an earlier one, as Kafka may redeliver it. */
    public void walletProvisionedAgain(String eventId, String orgId, String userId, String address, String caseId) {
        provisioned(orgId, userId, address, caseId).id(eventId).send();
    }

    /** Sends a WalletProvisioned no wallet-service writes (e.g. its address is none): poison. */
    public void malformedWalletProvisioned(String orgId, String userId, String address, String caseId) {
        provisioned(orgId, userId, address, caseId).sendMalformed();
    }

    public void kycStatusChanged(String orgId, String userId, String caseId, String status) {
        events.send(
                Topics.KYC,
                EventTypes.Kyc.STATUS_CHANGED,
                orgId,
                orgId + ":" + userId,
                EventData.kycStatusChanged(caseId, userId, null, status));
    }

    /**
     * Sends WalletProvisioned of a verified business's wallet (the KYB case {@code businessCaseId}), with the event
     * id {@code eventId} (the same again: a redelivery); as wallet-service names and keys it.
     */
    public void businessWalletProvisioned(String eventId, String orgId, String businessCaseId, String address) {
        String subject = "business:" + businessCaseId;
        Map<String, Object> data =
                EventData.walletProvisioned("wa-" + UUID.randomUUID(), subject, address, businessCaseId);
        data.put("kyc_level", null); // KYB has none: wallet-service writes null
        data.put("subject", "business");
        events.event(Topics.WALLET, EventTypes.Wallet.PROVISIONED, orgId, orgId + ":" + subject, data)
                .id(eventId)
                .send();
    }

    /** Sends compliance-service's KYB status change of {@code businessCaseId} (a UUID); returns the event id. */
    public String businessStatusChanged(String orgId, String businessCaseId, String status) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("business_case_id", businessCaseId);
        data.put("representative_user_id", "user-" + UUID.randomUUID());
        data.put("status", status);
        data.put("previous_status", "verified");
        data.put("provider", "persona");
        data.put("decided_by", "reviewer-1");
        return events.event(
                        Topics.KYC,
                        EventTypes.Kyc.BUSINESS_STATUS_CHANGED,
                        orgId,
                        orgId + ":business:" + businessCaseId,
                        data)
                .subject("business-case/" + businessCaseId)
                .send();
    }

    /**
     * Sends wallet-service's SmartAccountReady: {@code account}, the ERC-4337 smart account of {@code userId} (a user,
     * or {@code business:<business_case_id>} with {@code subject} {@code business}) owned by its custody wallet
     * {@code owner}; returns the event id.
     */
    public String smartAccountReady(String orgId, String userId, String subject, String account, String owner) {
        return smartAccount(orgId, userId, subject, account, owner).send();
    }

    /** Sends SmartAccountReady with the id of an earlier one, as Kafka may redeliver it. */
    public void smartAccountReadyAgain(
            String eventId, String orgId, String userId, String subject, String account, String owner) {
        smartAccount(orgId, userId, subject, account, owner).id(eventId).send();
    }

    /**
     * Sends a SmartAccountReady that breaks its schema: poison. {@code owner} null leaves {@code owner_address} out,
     * a required field that identity-service does not otherwise read.
     */
    public void malformedSmartAccountReady(String orgId, String userId, String account, String owner) {
        smartAccount(orgId, userId, "user", account, owner).sendMalformed();
    }

    private EventPublisher.Event smartAccount(
            String orgId, String userId, String subject, String account, String owner) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("wallet_id", UUID.randomUUID().toString());
        data.put("user_id", userId);
        data.put("subject", subject);
        data.put("project_id", null);
        data.put("address", account);
        data.put("owner_address", owner);
        data.put("entry_point", "0x0000000071727De22E5E9d8BAf0edAc6f37da032"); // EntryPoint v0.7
        data.put("account_factory", "0x91E60e0613810449d098b0b5Ec8b51A0FE8c8985");
        if (owner == null) {
            data.remove("owner_address");
        }
        return events.event(Topics.WALLET, EventTypes.Wallet.SMART_ACCOUNT_READY, orgId, orgId + ":" + userId, data);
    }

    private EventPublisher.Event provisioned(String orgId, String userId, String address, String caseId) {
        Map<String, Object> data = EventData.walletProvisioned("wa-" + UUID.randomUUID(), userId, address, caseId);
        return events.event(Topics.WALLET, EventTypes.Wallet.PROVISIONED, orgId, orgId + ":" + userId, data);
    }

    /**
     * The gateway's organization event with {@code suspended} (issue 20), timed {@code minutesAgo} in the past: the
     * replica keeps the newest by event time, so a later call needs a smaller {@code minutesAgo}.
     */
    public void organizationSuspended(String orgId, boolean suspended, int minutesAgo) {
        Map<String, Object> data = new LinkedHashMap<>(TenantEventData.organization(orgId, "slug-" + orgId));
        data.put("suspended", suspended);
        events.event(Topics.TENANT, EventTypes.Tenant.ORGANIZATION_UPDATED, orgId, orgId, data)
                .time(OffsetDateTime.now().minusMinutes(minutesAgo))
                .send();
    }

    @Override
    public void close() {
        events.close();
    }
}
