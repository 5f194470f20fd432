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
 * {@code user_id} and the approval decision are null for a transfer made outside Attest. A sponsored transfer
 * ({@code sponsored}) leaves from the user's smart account ({@code from_address}) as a UserOperation
 * ({@code user_op_hash}); {@code gas_cost} is what its sponsor paid, in wei, once settled.
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
        Instant updatedAt,
        boolean sponsored,
        String fromAddress,
        String userOpHash,
        String gasCost) {

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
                transfer.updatedAt,
                transfer.sponsored,
                transfer.fromAddress,
                transfer.userOpHash,
                transfer.gasCost == null
                        ? null
                        : transfer.gasCost.toBigIntegerExact().toString());
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
                dfns.lastChangedAt().or(() -> ours.map(t -> t.updatedAt)).orElse(null),
                false, // Dfns lists what its wallets sent; a sponsored transfer leaves from the smart account
                dfns.request() == null ? null : wallet.map(w -> w.address).orElse(null),
                null,
                null);
    }
}
