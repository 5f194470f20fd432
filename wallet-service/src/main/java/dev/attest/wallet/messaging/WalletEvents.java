package dev.attest.wallet.messaging;

import dev.attest.common.events.OutgoingEvent;
import dev.attest.common.events.Topics;
import dev.attest.wallet.Transfer;
import dev.attest.wallet.Wallet;

/** The events of {@code attest.wallet.v1} and how each is keyed: by {@code <org_id>:<user_id>}. */
public final class WalletEvents {
    public static final String PROVISIONED = "attest.wallet.provisioned.v1";
    public static final String PROVISIONING_FAILED = "attest.wallet.provisioning-failed.v1";
    public static final String TRANSFER_STATUS_CHANGED = "attest.wallet.transfer-status-changed.v1";
    public static final String PROVIDER_CREDENTIALS_REJECTED = "attest.wallet.provider-credentials-rejected.v1";

    /** Payload of {@link #PROVIDER_CREDENTIALS_REJECTED}: no secret and no body, only what was refused. */
    public record ProviderCredentialsRejected(String provider, String operation, int statusCode) {}

    /** Payload of {@link #PROVISIONED}. */
    public record Provisioned(
            String walletId,
            String userId,
            String network,
            String address,
            String providerWalletId,
            String kycCaseId,
            String kycLevel) {}

    /** Payload of {@link #PROVISIONING_FAILED}: an admin alert once {@code final} is true. */
    public record ProvisioningFailed(
            String userId,
            String kycCaseId,
            int attempts,
            String reason,
            @com.fasterxml.jackson.annotation.JsonProperty("final") boolean isFinal) {}

    /** Payload of {@link #TRANSFER_STATUS_CHANGED}. */
    public record TransferStatusChanged(
            String transferId,
            String walletId,
            String userId,
            String status,
            String previousStatus,
            String kind,
            String amount,
            String txHash) {}

    private WalletEvents() {}

    public static OutgoingEvent provisioned(Wallet wallet) {
        return event(
                wallet,
                PROVISIONED,
                "wallet/" + wallet.id,
                new Provisioned(
                        wallet.id.toString(),
                        wallet.userId,
                        wallet.network,
                        wallet.address,
                        wallet.providerWalletId,
                        wallet.kycCaseId,
                        wallet.kycLevel));
    }

    public static OutgoingEvent provisioningFailed(Wallet wallet, boolean isFinal) {
        return event(
                wallet,
                PROVISIONING_FAILED,
                "wallet/" + wallet.id,
                new ProvisioningFailed(wallet.userId, wallet.kycCaseId, wallet.attempts, wallet.lastError, isFinal));
    }

    public static OutgoingEvent transferStatusChanged(Transfer transfer, String previousStatus) {
        String previous = Transfer.REQUESTED.equals(previousStatus) ? null : previousStatus;
        return new OutgoingEvent(
                Topics.WALLET,
                TRANSFER_STATUS_CHANGED,
                transfer.orgId + ":" + transfer.userId,
                "transfer/" + transfer.id,
                transfer.orgId,
                new TransferStatusChanged(
                        transfer.id.toString(),
                        transfer.walletId.toString(),
                        transfer.userId,
                        transfer.status,
                        previous,
                        transfer.kind,
                        transfer.amountValue().toString(),
                        transfer.txHash));
    }

    /** Keyed by the organization alone: it concerns the org's credentials, not a user. */
    public static OutgoingEvent providerCredentialsRejected(String orgId, String operation, int statusCode) {
        return new OutgoingEvent(
                Topics.WALLET,
                PROVIDER_CREDENTIALS_REJECTED,
                orgId,
                "org/" + orgId + "/dfns",
                orgId,
                new ProviderCredentialsRejected("dfns", operation, statusCode));
    }

    private static OutgoingEvent event(Wallet wallet, String type, String subject, Object data) {
        return new OutgoingEvent(Topics.WALLET, type, wallet.orgId + ":" + wallet.userId, subject, wallet.orgId, data);
    }
}
