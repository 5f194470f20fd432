package dev.attest.wallet.service;

import dev.attest.common.problem.ProblemException;
import dev.attest.wallet.KycStanding;
import dev.attest.wallet.Transfer;
import dev.attest.wallet.Wallet;
import dev.attest.wallet.repository.KycStandingRepository;
import dev.attest.wallet.repository.TransferRepository;
import dev.attest.wallet.repository.WalletRepository;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * The approval step of the org's spending policy: a transfer above the approval threshold waits, unsent,
 * until an org admin approves it (it is then sent to Dfns) or rejects it with a reason. The decision is
 * recorded with the admin who made it; nobody approves their own transfer.
 */
@ApplicationScoped
public class TransferApprovalService {
    private static final int MAX_REASON = 500;

    private final TransferRepository transfers;
    private final WalletRepository wallets;
    private final KycStandingRepository standings;
    private final TransferService sending;

    TransferApprovalService(
            TransferRepository transfers,
            WalletRepository wallets,
            KycStandingRepository standings,
            TransferService sending) {
        this.transfers = transfers;
        this.wallets = wallets;
        this.standings = standings;
        this.sending = sending;
    }

    @jakarta.inject.Inject
    dev.attest.common.audit.AuditTrail audit;

    public List<Transfer> awaiting(String orgId, int limit) {
        return QuarkusTransaction.requiringNew().call(() -> transfers.awaitingApproval(orgId, limit));
    }

    public Transfer approve(String orgId, String admin, String transferId) {
        Transfer approved = QuarkusTransaction.requiringNew().call(() -> {
            Transfer transfer = decidable(orgId, admin, transferId);
            requireRequesterStillEligible(transfer);
            record(transfer, admin, null);
            transfer.status = Transfer.REQUESTED;
            audited(transfer, "transfer.approved", Transfer.AWAITING_APPROVAL, null);
            return transfer;
        });
        return sending.submit(approved.id);
    }

    public Transfer reject(String orgId, String admin, String transferId, String reason) {
        if (reason == null || reason.isBlank() || reason.length() > MAX_REASON) {
            throw ProblemException.badRequest(
                    "reason-required", "A rejection needs a reason of 1 to " + MAX_REASON + " characters.");
        }
        return QuarkusTransaction.requiringNew().call(() -> {
            Transfer transfer = decidable(orgId, admin, transferId);
            record(transfer, admin, reason.strip());
            sending.move(transfer, Transfer.REJECTED);
            audited(transfer, "transfer.rejected", Transfer.AWAITING_APPROVAL, transfer.decisionReason);
            return transfer;
        });
    }

    private Transfer decidable(String orgId, String admin, String transferId) {
        Transfer transfer = transfers
                .lockInOrg(orgId, parse(transferId))
                .orElseThrow(() -> ProblemException.notFound("Transfer " + transferId));
        if (!Transfer.AWAITING_APPROVAL.equals(transfer.status)) {
            throw ProblemException.conflict(
                    "not-awaiting-approval", "The transfer is " + transfer.status + ", not awaiting approval.");
        }
        if (transfer.userId.equals(admin)) {
            throw ProblemException.forbidden("Nobody approves or rejects their own transfer.");
        }
        return transfer;
    }

    // What held when the transfer was requested must still hold when it is sent: the admin may reject it.
    private void requireRequesterStillEligible(Transfer transfer) {
        boolean verified = standings
                .findByUser(transfer.orgId, transfer.userId)
                .map(standing -> KycStanding.VERIFIED.equals(standing.status))
                .orElse(false);
        if (!verified) {
            throw ProblemException.conflict(
                    "requester-kyc-not-verified", "The requester's KYC is no longer verified; reject the transfer.");
        }
        if (!wallets.findByIdOptional(transfer.walletId).map(Wallet::isActive).orElse(false)) {
            throw ProblemException.conflict("wallet-not-active", "The wallet is not active; reject the transfer.");
        }
    }

    private static void record(Transfer transfer, String admin, String reason) {
        transfer.decidedBy = admin;
        transfer.decidedAt = Instant.now();
        transfer.decisionReason = reason;
        transfer.updatedAt = transfer.decidedAt;
    }

    /** The decision in the audit trail: the transfer's status before and after, and a rejection's reason. */
    private void audited(Transfer transfer, String action, String previousStatus, String reason) {
        audit.record(dev.attest.common.audit.AuditEntry.of(action, transfer.orgId, "transfer", transfer.id.toString())
                .withChanges(dev.attest.common.audit.AuditChanges.of(
                        new Decision(previousStatus, null), new Decision(transfer.status, reason))));
    }

    record Decision(String status, String reason) {}

    private static UUID parse(String id) {
        try {
            return UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            throw ProblemException.notFound("Transfer " + id);
        }
    }
}
