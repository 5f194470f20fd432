package dev.attest.wallet.events;

import dev.attest.common.events.OutgoingEvent;
import dev.attest.common.events.Topics;
import dev.attest.contracts.EventTypes;
import dev.attest.wallet.Transfer;
import dev.attest.wallet.Wallet;
import dev.attest.wallet.aa.SponsoredOperation;

/** The events of {@code attest.wallet.v1} and how each is keyed: by {@code <org_id>:<user_id>}. */
public final class WalletEvents {
    /** Payload of {@link EventTypes.Wallet#PROVIDER_CREDENTIALS_REJECTED}: what was refused, no secret or body. */
    public record ProviderCredentialsRejected(String provider, String operation, int statusCode) {}

    /** Payload of {@link EventTypes.Wallet#PROVISIONED}; {@code subject} {@code user} or {@code business}. */
    public record Provisioned(
            String walletId,
            String userId,
            String network,
            String address,
            String providerWalletId,
            String kycCaseId,
            String kycLevel,
            String subject) {}

    /** Payload of {@link EventTypes.Wallet#PROVISIONING_FAILED}: an admin alert once {@code final} is true. */
    public record ProvisioningFailed(
            String userId,
            String kycCaseId,
            int attempts,
            String reason,
            @com.fasterxml.jackson.annotation.JsonProperty("final") boolean isFinal) {}

    /** Payload of {@link EventTypes.Wallet#TRANSFER_STATUS_CHANGED}. */
    public record TransferStatusChanged(
            String transferId,
            String walletId,
            String userId,
            String status,
            String previousStatus,
            String kind,
            String amount,
            String txHash,
            boolean sponsored,
            String userOpHash) {}

    /** Payload of {@link EventTypes.Wallet#SMART_ACCOUNT_READY}. */
    public record SmartAccountReady(
            String walletId,
            String userId,
            String subject,
            String projectId,
            String address,
            String ownerAddress,
            String entryPoint,
            String accountFactory) {}

    /** Payload of {@link EventTypes.Wallet#GAS_SPONSORED}: what a settled sponsored operation cost its sponsor. */
    public record GasSponsored(
            String userOpHash,
            String transferId,
            String userId,
            String projectId,
            String sender,
            String gasCost,
            boolean success,
            String paymasterKind,
            String txHash) {}

    private WalletEvents() {}

    public static OutgoingEvent provisioned(Wallet wallet) {
        return event(
                wallet,
                EventTypes.Wallet.PROVISIONED,
                "wallet/" + wallet.id,
                new Provisioned(
                        wallet.id.toString(),
                        wallet.userId,
                        wallet.network,
                        wallet.address,
                        wallet.providerWalletId,
                        wallet.kycCaseId,
                        wallet.kycLevel,
                        wallet.subject));
    }

    public static OutgoingEvent provisioningFailed(Wallet wallet, boolean isFinal) {
        return event(
                wallet,
                EventTypes.Wallet.PROVISIONING_FAILED,
                "wallet/" + wallet.id,
                new ProvisioningFailed(wallet.userId, wallet.kycCaseId, wallet.attempts, wallet.lastError, isFinal));
    }

    public static OutgoingEvent transferStatusChanged(Transfer transfer, String previousStatus) {
        String previous = Transfer.REQUESTED.equals(previousStatus) ? null : previousStatus;
        return new OutgoingEvent(
                Topics.WALLET,
                EventTypes.Wallet.TRANSFER_STATUS_CHANGED,
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
                        transfer.txHash,
                        transfer.sponsored,
                        transfer.userOpHash));
    }

    public static OutgoingEvent smartAccountReady(Wallet wallet, String entryPoint, String accountFactory) {
        return event(
                wallet,
                EventTypes.Wallet.SMART_ACCOUNT_READY,
                "wallet/" + wallet.id + "/smart-account",
                new SmartAccountReady(
                        wallet.id.toString(),
                        wallet.userId,
                        wallet.subject,
                        wallet.projectId,
                        wallet.smartAccountAddress,
                        wallet.address,
                        entryPoint,
                        accountFactory));
    }

    public static OutgoingEvent gasSponsored(SponsoredOperation operation) {
        return new OutgoingEvent(
                Topics.WALLET,
                EventTypes.Wallet.GAS_SPONSORED,
                operation.orgId + ":" + operation.userId,
                "sponsored-operation/" + operation.userOpHash,
                operation.orgId,
                new GasSponsored(
                        operation.userOpHash,
                        operation.transferId == null ? null : operation.transferId.toString(),
                        operation.userId,
                        operation.projectId,
                        operation.sender,
                        operation.gasCost.toBigIntegerExact().toString(),
                        Boolean.TRUE.equals(operation.success),
                        operation.paymasterKind,
                        operation.txHash));
    }

    /** Keyed by the organization alone: it concerns the org's credentials, not a user. */
    public static OutgoingEvent providerCredentialsRejected(String orgId, String operation, int statusCode) {
        return new OutgoingEvent(
                Topics.WALLET,
                EventTypes.Wallet.PROVIDER_CREDENTIALS_REJECTED,
                orgId,
                "org/" + orgId + "/dfns",
                orgId,
                new ProviderCredentialsRejected("dfns", operation, statusCode));
    }

    private static OutgoingEvent event(Wallet wallet, String type, String subject, Object data) {
        return new OutgoingEvent(Topics.WALLET, type, wallet.orgId + ":" + wallet.userId, subject, wallet.orgId, data);
    }
}
