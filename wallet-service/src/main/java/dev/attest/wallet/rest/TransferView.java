package dev.attest.wallet.rest;

import dev.attest.wallet.Transfer;
import dev.attest.wallet.Wallet;
import dev.attest.wallet.client.DfnsTransfer;
import dev.attest.wallet.service.OrgTransactionsService;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;

/**
 * A transfer as answered to its owner and to org admins. From this service's table, or (the org's listing) as
 * Dfns reports it, joined with what this service knows of it: {@code transfer_id}, {@code wallet_id},
 * {@code user_id} and the approval decision are null for a transfer made outside Attest.
 */
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

    /**
     * A transfer as Dfns lists it (status, amounts and dates are Dfns's), with {@code ours} (the transfer as this
     * service recorded it) and {@code wallet} (the user's wallet Dfns's wallet is) when there are such.
     */
    public static TransferView of(OrgTransactionsService.OrgTransfer listed) {
        DfnsTransfer dfns = listed.dfns();
        Optional<Transfer> ours = listed.ours();
        Optional<Wallet> wallet = listed.wallet();
        DfnsTransfer.Request request = dfns.request();
        return new TransferView(
                ours.map(t -> t.id.toString()).orElse(null),
                wallet.map(w -> w.id.toString())
                        .or(() -> ours.map(t -> t.walletId.toString()))
                        .orElse(null),
                wallet.map(w -> w.userId).or(() -> ours.map(t -> t.userId)).orElse(null),
                request.kind() == null ? null : request.kind().toLowerCase(Locale.ROOT),
                request.to(),
                request.amount(),
                request.contract(),
                dfns.status().toLowerCase(Locale.ROOT),
                dfns.id(),
                dfns.txHash(),
                dfns.reason(),
                ours.map(t -> t.decidedBy).orElse(null),
                ours.map(t -> t.decidedAt).orElse(null),
                ours.map(t -> t.decisionReason).orElse(null),
                dfns.requestedAt().or(() -> ours.map(t -> t.createdAt)).orElse(null),
                dfns.lastChangedAt().or(() -> ours.map(t -> t.updatedAt)).orElse(null));
    }
}
