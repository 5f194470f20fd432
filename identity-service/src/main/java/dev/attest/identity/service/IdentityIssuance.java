package dev.attest.identity.service;

import dev.attest.common.tracing.WorkSpans;
import dev.attest.common.work.Workers;
import dev.attest.identity.CaseStanding;
import dev.attest.identity.ChainTransaction;
import dev.attest.identity.Claim;
import dev.attest.identity.Identity;
import dev.attest.identity.LinkedWallet;
import dev.attest.identity.client.ChainUnavailableException;
import dev.attest.identity.client.ClaimSigning;
import dev.attest.identity.client.ContractCalls;
import dev.attest.identity.client.ContractCalls.SignedClaim;
import dev.attest.identity.client.EvmNode;
import dev.attest.identity.client.RevertedException;
import dev.attest.identity.events.IdentityEvents;
import dev.attest.identity.repository.CaseStandingRepository;
import dev.attest.identity.repository.ChainTransactionRepository;
import dev.attest.identity.repository.ClaimRepository;
import dev.attest.identity.repository.IdentityRepository;
import dev.attest.identity.service.PlatformContracts.Addresses;
import dev.attest.identity.service.ReceiptWaiter.Settlement;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.math.BigInteger;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jboss.logging.Logger;
import org.web3j.utils.Numeric;

/**
 * Puts identities and claims on chain, many users at once: each call of {@link #advance()} sends the
 * onboarding transaction of every new identity (the identity, its claims and its keys in one transaction through
 * the IdentityOnboarder) and the next step of every claim that has none in flight, with pipelined nonces; and
 * {@link #collectReceipts()} settles what was mined and moves each one on. All state is in the database, so a
 * restart continues where it stopped.
 */
@ApplicationScoped
public class IdentityIssuance {
    private static final Logger LOG = Logger.getLogger(IdentityIssuance.class);
    /** Transactions sent per kind and pass, oldest users first; the pass after sends the next ones. */
    private static final int BATCH = 100;
    /** A revocation that reverts with this found the claim revoked already (repeated after a crash). */
    private static final String ALREADY_REVOKED = "Conflict: Claim already revoked";
    /** The failure of a claim whose case was rejected before it went on chain. */
    private static final String KYC_REJECTED = "kyc-rejected";

    private final IdentityRepository identities;
    private final CaseStandingRepository standings;
    private final SubjectClaims subjectClaims;
    private final WalletLinks wallets;
    private final ClaimRepository claims;
    private final ChainTransactionRepository transactions;
    private final TransactionSender sender;
    private final ReceiptWaiter receipts;
    private final PlatformContracts contracts;
    private final PlatformKeys keys;
    private final IdentityEvents events;
    private final ChainActionAudit audit;
    private final EvmNode node;
    private final WorkGate gate;
    private final GasLimits gasLimits;
    private final Workers workers;
    private final WorkSpans spans;

    IdentityIssuance(
            IdentityRepository identities,
            CaseStandingRepository standings,
            SubjectClaims subjectClaims,
            WalletLinks wallets,
            ClaimRepository claims,
            ChainTransactionRepository transactions,
            TransactionSender sender,
            ReceiptWaiter receipts,
            PlatformContracts contracts,
            PlatformKeys keys,
            IdentityEvents events,
            ChainActionAudit audit,
            EvmNode node,
            WorkGate gate,
            GasLimits gasLimits,
            Workers workers,
            WorkSpans spans) {
        this.node = node;
        this.spans = spans;
        this.workers = workers;
        this.gasLimits = gasLimits;
        this.gate = gate;
        this.identities = identities;
        this.standings = standings;
        this.subjectClaims = subjectClaims;
        this.wallets = wallets;
        this.claims = claims;
        this.transactions = transactions;
        this.sender = sender;
        this.receipts = receipts;
        this.contracts = contracts;
        this.keys = keys;
        this.events = events;
        this.audit = audit;
    }

    /**
     * A verified user (or business) got a wallet: plan the identity and its claims ({@link SubjectClaims}). Runs in
     * the consumer's inbox transaction; a subject that already has an identity gets no second one: a further wallet
     * is linked to it instead. A new identity gets the wallets held for its subject linked (a smart account announced
     * before this first wallet). A case rejected already (the rejection overtook this event) gets its identity
     * without the claims.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void requestIdentity(
            String orgId, String subject, String userId, String walletAddress, String kycCaseId, String kycLevel) {
        Optional<Identity> existing = identities.findByUser(orgId, userId);
        if (existing.isPresent()) {
            wallets.link(existing.get(), walletAddress, LinkedWallet.WALLET);
            return;
        }
        Instant now = Instant.now();
        Identity identity = new Identity();
        identity.id = UUID.randomUUID();
        identity.orgId = orgId;
        identity.userId = userId;
        identity.subject = subject;
        identity.walletAddress = walletAddress;
        identity.salt = Derivations.identitySalt(orgId, userId);
        identity.step = Identity.Step.DEPLOY;
        identity.createdAt = now;
        identity.updatedAt = now;
        identity.traceparent = WorkSpans.current();
        identities.persist(identity);
        wallets.linkHeld(identity); // a smart account announced before this first wallet
        boolean rejected = standings.isRejected(orgId, kycCaseId);
        for (Claim claim : subjectClaims.plan(identity, kycCaseId, kycLevel)) {
            if (rejected) {
                fail(claim, KYC_REJECTED);
            }
            claims.persist(claim);
        }
        workers.wakeAfterCommit(IssuanceWorker.NAME); // its transaction can go out at once
    }

    /**
     * A KYC or KYB case changed status: recorded as the case's latest; a rejection revokes the claims issued for it
     * on the identity of {@code userId} (the user, or the business's subject id), or stops them before they are
     * issued.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void onCaseStatus(String orgId, String userId, String kycCaseId, String status) {
        standings.record(orgId, kycCaseId, status);
        if (CaseStanding.REJECTED.equals(status)) {
            requestRevocation(orgId, userId, kycCaseId);
        }
    }

    private void requestRevocation(String orgId, String userId, String kycCaseId) {
        for (Claim claim : claims.ofUserLocked(orgId, userId)) {
            if (!claim.kycCaseId.equals(kycCaseId)) {
                continue;
            }
            switch (claim.status) {
                case ISSUED -> {
                    claim.status = Claim.Status.REVOKING;
                    claim.traceparent = WorkSpans.current(); // the revocation belongs to the rejection's trace
                    touch(claim);
                }
                case ISSUING -> {
                    if (claim.pendingTxId == null) {
                        fail(claim, KYC_REJECTED);
                    } else {
                        claim.revokeRequested = true; // in flight: revoke once it is on chain
                        claim.traceparent = WorkSpans.current();
                        touch(claim);
                    }
                }
                default -> {}
            }
        }
        workers.wakeAfterCommit(IssuanceWorker.NAME);
    }

    /**
     * Sends the transaction of everything that waits for one, until the {@link WorkGate} closes.
     *
     * @return how many identities and claims were handled
     */
    public int advance() {
        Addresses addresses = contracts.ensureReady();
        int handled = 0;
        // Claims first: revocations, and claims for identities that exist already.
        for (Claim claim : QuarkusTransaction.requiringNew().call(() -> claims.awaitingTransaction(BATCH))) {
            if (!gate.isOpen()) {
                return handled;
            }
            spans.handling(IssuanceWorker.NAME, "claim", claim.traceparent, () -> sendClaimStep(claim, addresses));
            handled++;
        }
        for (Identity identity : QuarkusTransaction.requiringNew().call(() -> identities.awaitingOnboarding(BATCH))) {
            if (!gate.isOpen()) {
                return handled;
            }
            spans.handling(IssuanceWorker.NAME, "onboard", identity.traceparent, () -> onboard(identity, addresses));
            handled++;
        }
        return handled;
    }

    /**
     * Settles every mined transaction and moves its identity or claim on; one not mined in time is replaced
     * with higher fees.
     *
     * @return how many transactions were settled
     */
    public int collectReceipts() {
        sender.rebroadcastStale();
        List<ChainTransaction> pending =
                QuarkusTransaction.requiringNew().call(() -> transactions.pending(keys.operatorAddress()));
        if (pending.isEmpty()) {
            return 0;
        }
        BigInteger latestBlock = node.blockNumber();
        Map<UUID, Settlement> settlements = receipts.check(pending, latestBlock);
        int settled = 0;
        for (ChainTransaction tx : pending) {
            if (!gate.isOpen()) {
                return settled;
            }
            Settlement settlement = settlements.get(tx.id);
            if (settlement == null) {
                sender.replaceIfStuck(tx);
                continue;
            }
            QuarkusTransaction.requiringNew().run(() -> settle(tx, settlement));
            settled++;
        }
        return settled;
    }

    /**
     * Sends {@code identity}'s onboarding transaction: the identity at its predicted address with the claims
     * that wait for it, signed for that address. Nothing is sent if a claim changed since it was read (a
     * rejection failed it): the next pass sends the identity without it.
     */
    private void onboard(Identity identity, Addresses addresses) {
        String predicted = ContractCalls.identityAddress(
                addresses.idFactory(), addresses.implementationAuthority(), identity.salt);
        String issuer = addresses.claimIssuer();
        List<Claim> waiting = QuarkusTransaction.requiringNew().call(() -> claims.ofIdentity(identity.id)).stream()
                .filter(claim -> claim.status == Claim.Status.ISSUING && claim.pendingTxId == null)
                .toList();
        Map<UUID, byte[]> signatures = new HashMap<>();
        List<SignedClaim> signed = waiting.stream()
                .map(claim -> {
                    byte[] data = Numeric.hexStringToByteArray(claim.data);
                    byte[] signature = ClaimSigning.sign(predicted, claim.topic, data, keys.issuerSigningKey());
                    signatures.put(claim.id, signature);
                    return new SignedClaim(claim.topic, issuer, signature, data, claim.uri);
                })
                .toList();
        // The gas depends on the number of claims: each number is its own kind of call.
        String purpose = "identity:onboard/" + signed.size();
        try {
            sender.sendRecurring(
                    purpose,
                    addresses.onboarder(),
                    ContractCalls.onboard(identity.walletAddress, identity.salt, predicted, signed),
                    txId -> {
                        Identity managed = identities.findById(identity.id, LockModeType.PESSIMISTIC_WRITE);
                        if (managed.step != Identity.Step.DEPLOY || managed.pendingTxId != null) {
                            throw new StepOvertakenException("identity " + identity.id + " is " + managed.step);
                        }
                        managed.pendingTxId = txId;
                        managed.updatedAt = Instant.now();
                        for (Claim claim : waiting) {
                            Claim current = claims.findLocked(claim.id);
                            if (current.status != Claim.Status.ISSUING || current.pendingTxId != null) {
                                throw new StepOvertakenException("claim " + claim.id + " is " + current.status);
                            }
                            current.pendingTxId = txId;
                            current.issuerAddress = issuer;
                            current.claimId = Numeric.toHexString(ClaimSigning.claimId(issuer, claim.topic));
                            current.signature = Numeric.toHexString(signatures.get(claim.id));
                            touch(current);
                        }
                    });
        } catch (StepOvertakenException e) {
            LOG.debugf("%s not sent: %s", purpose, e.getMessage());
        } catch (RevertedException e) {
            QuarkusTransaction.requiringNew().run(() -> fail(identities.findById(identity.id), e.reason()));
        } catch (ChainUnavailableException e) {
            LOG.warnf("%s for identity %s waits for the node: %s", purpose, identity.id, e.getMessage());
        }
    }

    private void sendClaimStep(Claim claim, Addresses addresses) {
        Identity identity = QuarkusTransaction.requiringNew().call(() -> identities.findById(claim.identityId));
        if (claim.status == Claim.Status.ISSUING) {
            String issuer = addresses.claimIssuer();
            byte[] data = Numeric.hexStringToByteArray(claim.data);
            byte[] signature = ClaimSigning.sign(identity.identityAddress, claim.topic, data, keys.issuerSigningKey());
            sendForClaim(
                    "claim:add",
                    claim,
                    identity.identityAddress,
                    ContractCalls.addClaim(claim.topic, issuer, signature, data, claim.uri),
                    managed -> {
                        managed.issuerAddress = issuer;
                        managed.claimId = Numeric.toHexString(ClaimSigning.claimId(issuer, claim.topic));
                        managed.signature = Numeric.toHexString(signature);
                    });
        } else {
            byte[] signature = Numeric.hexStringToByteArray(claim.signature);
            sendForClaim(
                    "claim:revoke",
                    claim,
                    addresses.claimIssuer(),
                    ContractCalls.revokeClaimBySignature(signature),
                    managed -> {});
        }
    }

    private void sendForClaim(
            String purpose, Claim claim, String to, String data, java.util.function.Consumer<Claim> onRecord) {
        try {
            sender.sendRecurring(purpose, to, data, txId -> {
                Claim managed = claims.findLocked(claim.id);
                if (managed.status != claim.status || managed.pendingTxId != null) {
                    // A rejection (or another round) changed the claim since it was read: send nothing.
                    throw new StepOvertakenException("claim " + claim.id + " is " + managed.status + " now");
                }
                managed.pendingTxId = txId;
                onRecord.accept(managed);
                touch(managed);
            });
        } catch (StepOvertakenException e) {
            LOG.debugf("%s not sent: %s", purpose, e.getMessage());
        } catch (RevertedException e) {
            QuarkusTransaction.requiringNew().run(() -> {
                Claim managed = claims.findLocked(claim.id);
                if (managed.status == Claim.Status.REVOKING && ALREADY_REVOKED.equals(e.reason())) {
                    revoked(managed, null);
                } else if (managed.status == Claim.Status.ISSUING) {
                    fail(managed, e.reason());
                } else {
                    LOG.errorf("revoking claim %s reverts: %s", managed.id, e.reason());
                }
            });
        } catch (ChainUnavailableException e) {
            LOG.warnf("%s for claim %s waits for the node: %s", purpose, claim.id, e.getMessage());
        }
    }

    private void settle(ChainTransaction tx, Settlement settlement) {
        List<Claim> waiting = claims.waitingFor(tx.id);
        Optional<Identity> onboarding = identities.findByPendingTx(tx.id);
        // In the trace of what the transaction was sent for: ClaimIssued and IdentityCreated join it.
        String traceparent = onboarding
                .map(identity -> identity.traceparent)
                .orElseGet(() -> waiting.isEmpty() ? null : waiting.get(0).traceparent);
        spans.handling(IssuanceWorker.NAME, "settle", traceparent, () -> settle(tx, settlement, waiting, onboarding));
    }

    private void settle(
            ChainTransaction tx, Settlement settlement, List<Claim> waiting, Optional<Identity> onboarding) {
        receipts.record(tx, settlement);
        gasLimits.used(tx.purpose, tx.gasLimit, settlement.gasUsed());
        spentFor(tx, settlement, waiting, onboarding);
        // Out of gas: the limit kept for its kind was too small (GasLimits dropped it); send it again.
        boolean outOfGas = tx.status == ChainTransaction.Status.REVERTED
                && settlement.gasUsed().compareTo(tx.gasLimit) >= 0;
        if (onboarding.isPresent()) {
            settleOnboarding(onboarding.get(), waiting, tx, settlement, outOfGas);
        } else {
            waiting.forEach(claim -> settleClaimStep(claim, tx, outOfGas));
        }
    }

    /** What the mined transaction cost, announced once, under the user (or business) it was sent for. */
    private void spentFor(
            ChainTransaction tx, Settlement settlement, List<Claim> waiting, Optional<Identity> onboarding) {
        String orgId;
        String userId;
        String kind;
        if (onboarding.isPresent()) {
            orgId = onboarding.get().orgId;
            userId = onboarding.get().userId;
            kind = "onboard";
        } else if (!waiting.isEmpty()) {
            Claim claim = waiting.get(0);
            orgId = claim.orgId;
            userId = claim.userId;
            kind = claim.status == Claim.Status.REVOKING ? "revoke" : "claim";
        } else {
            return; // overtaken: nothing waits for it any more (its cost is still in chain_transactions)
        }
        events.gasSpent(
                orgId,
                userId,
                kind,
                tx.txHash,
                tx.status == ChainTransaction.Status.REVERTED,
                settlement.gasUsed(),
                tx.gasPrice);
    }

    private void settleOnboarding(
            Identity identity, List<Claim> waiting, ChainTransaction tx, Settlement settlement, boolean outOfGas) {
        identity.pendingTxId = null;
        identity.updatedAt = Instant.now();
        waiting.forEach(claim -> claim.pendingTxId = null);
        if (outOfGas) {
            LOG.warnf("onboarding of identity %s ran out of gas (%s): sent again", identity.id, tx.txHash);
            return;
        }
        if (tx.status == ChainTransaction.Status.REVERTED) {
            fail(identity, tx.revertReason);
            return;
        }
        identity.identityAddress = ContractCalls.onboardedIdentity(settlement.logs(), tx.recipient)
                .orElseThrow(() -> new IllegalStateException("onboarding " + tx.txHash + " created no identity"));
        identity.deployTxHash = tx.txHash;
        identity.deployBlock = tx.blockNumber;
        identity.step = Identity.Step.READY;
        events.created(identity);
        waiting.forEach(claim -> issued(claim, tx, identity.identityAddress));
    }

    private void settleClaimStep(Claim claim, ChainTransaction tx, boolean outOfGas) {
        claim.pendingTxId = null;
        if (outOfGas) {
            touch(claim);
            return;
        }
        if (claim.status == Claim.Status.ISSUING) {
            if (tx.status == ChainTransaction.Status.REVERTED) {
                fail(claim, tx.revertReason);
                return;
            }
            issued(claim, tx, identities.findById(claim.identityId).identityAddress);
        } else if (tx.status == ChainTransaction.Status.REVERTED) {
            if (ALREADY_REVOKED.equals(tx.revertReason)) {
                revoked(claim, null);
                return;
            }
            // The revocation is tried again on the next round; a revert here needs an operator's eye.
            LOG.errorf("revocation of claim %s reverted: %s", claim.id, tx.revertReason);
            touch(claim);
        } else {
            revoked(claim, tx);
        }
    }

    private void issued(Claim claim, ChainTransaction tx, String identityAddress) {
        claim.status = Claim.Status.ISSUED;
        claim.txHash = tx.txHash;
        claim.blockNumber = tx.blockNumber;
        touch(claim);
        events.claimIssued(claim, identityAddress);
        if (claim.revokeRequested) {
            claim.status = Claim.Status.REVOKING;
        }
    }

    private void revoked(Claim claim, ChainTransaction tx) {
        Identity identity = identities.findById(claim.identityId);
        claim.status = Claim.Status.REVOKED;
        if (tx != null) {
            claim.revokeTxHash = tx.txHash;
            claim.revokeBlock = tx.blockNumber;
            events.claimRevoked(claim, identity.identityAddress);
            audit.claimRevoked(claim, identity.identityAddress, tx.txHash);
        }
        touch(claim);
    }

    private void fail(Identity identity, String reason) {
        identity.step = Identity.Step.FAILED;
        identity.pendingTxId = null;
        identity.failureReason = reason;
        identity.updatedAt = Instant.now();
        LOG.warnf("identity %s of user %s failed: %s", identity.id, identity.userId, reason);
        for (Claim claim : claims.ofIdentity(identity.id)) {
            if (claim.status == Claim.Status.ISSUING) {
                fail(claim, reason);
            }
        }
    }

    private void fail(Claim claim, String reason) {
        claim.status = Claim.Status.FAILED;
        claim.pendingTxId = null;
        claim.failureReason = reason;
        touch(claim);
        events.claimIssuanceFailed(claim);
    }

    private static void touch(Claim claim) {
        claim.updatedAt = Instant.now();
    }
}
