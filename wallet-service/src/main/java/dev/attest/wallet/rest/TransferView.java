package dev.attest.wallet.rest;

import dev.attest.wallet.Transfer;
import java.time.Instant;

/** A transfer as answered to its owner and to org admins. */
public record TransferView(
        String transferId,
        String walletId,
        String userId,
        String kind,
        String to,
        String amount,
        String contract,
        String status,
        String providerTransferId,
        String txHash,
        String reason,
        String decidedBy,
        Instant decidedAt,
        String decisionReason,
        Instant createdAt,
        Instant updatedAt) {

    public static TransferView of(Transfer transfer) {
        return new TransferView(
                transfer.id.toString(),
                transfer.walletId.toString(),
                transfer.userId,
                transfer.kind,
                transfer.toAddress,
                transfer.amountValue().toString(),
                transfer.contract,
                transfer.status,
                transfer.providerTransferId,
                transfer.txHash,
                transfer.reason,
                transfer.decidedBy,
                transfer.decidedAt,
                transfer.decisionReason,
                transfer.createdAt,
                transfer.updatedAt);
    }
}
