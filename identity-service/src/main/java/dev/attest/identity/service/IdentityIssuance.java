package dev.attest.identity.service;

import dev.attest.identity.ChainTransaction;
import dev.attest.identity.Claim;
import dev.attest.identity.Identity;
import dev.attest.identity.client.ChainUnavailableException;
import dev.attest.identity.client.ClaimSigning;
import dev.attest.identity.client.ContractCalls;
import dev.attest.identity.client.EvmNode;
import dev.attest.identity.client.RevertedException;
import dev.attest.identity.config.IdentityConfig;
import dev.attest.identity.events.IdentityEvents;
import dev.attest.identity.repository.ChainTransactionRepository;
import dev.attest.identity.repository.ClaimRepository;
import dev.attest.identity.repository.IdentityRepository;
import dev.attest.identity.service.PlatformContracts.Addresses;
import dev.attest.identity.service.ReceiptWaiter.Settlement;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.math.BigInteger;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jboss.logging.Logger;
import org.web3j.utils.Numeric;

/**
 * Puts identities and claims on chain, one step at a time per user and many users at once: each call of
 * {@link #advance()} sends the next step of every identity and claim that has none in flight (the nonces are
 * pipelined), and {@link #collectReceipts()} settles what was mined and moves each one on. All state is in
 * the database, so a restart continues where it stopped.
 */
@ApplicationScoped
public class IdentityIssuance {
    private static final Logger LOG = Logger.getLogger(IdentityIssuance.class);
    /**
     * Steps sent per pass, oldest users first. Small, so that under a burst the oldest users go through all their
     * steps in a few passes instead of the whole burst moving one step at a time.
     */
    private static final int BATCH = 20;
    /** Reverts that mean the step's effect is already on chain (a step repeated after a crash). */
    private static final List<String> ALREADY_DONE = List.of(
            "Conflict: Key already has purpose",
            "NonExisting: Key doesn't have such purpose",
            "Conflict: Claim already revoked");

    private final IdentityRepository identities;
    private final WalletLinks wallets;
    private final ClaimRepository claims;
    private final ChainTransactionRepository transactions;
    private final TransactionSender sender;
    private final ReceiptWaiter receipts;
    private final PlatformContracts contracts;
    private final PlatformKeys keys;
    private final IdentityEvents events;
    private final IdentityConfig config;
    private final EvmNode node;
    private final WorkGate gate;

    IdentityIssuance(
            IdentityRepository identities,
            WalletLinks wallets,
            ClaimRepository claims,
            ChainTransactionRepository transactions,
            TransactionSender sender,
            ReceiptWaiter receipts,
            PlatformContracts contracts,
            PlatformKeys keys,
            IdentityEvents events,
            IdentityConfig config,
            EvmNode node,
            WorkGate gate) {
        this.node = node;
        this.gate = gate;
        this.identities = identities;
        this.wallets = wallets;
        this.claims = claims;
        this.transactions = transactions;
        this.sender = sender;
        this.receipts = receipts;
        this.contracts = contracts;
        this.keys = keys;
        this.events = events;
        this.config = config;
    }

    /**
     * A verified user got a wallet: plan the identity and one claim per configured topic. Runs in the
     * consumer's inbox transaction; a user who already has an identity gets no second one: a further wallet is
     * linked to it instead.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void requestIdentity(String orgId, String userId, String walletAddress, String kycCaseId, String kycLevel) {
        Optional<Identity> existing = identities.findByUser(orgId, userId);
        if (existing.isPresent()) {
            wallets.link(existing.get(), walletAddress);
            return;
        }
        Instant now = Instant.now();
        Identity identity = new Identity();
        identity.id = UUID.randomUUID();
        identity.orgId = orgId;
        identity.userId = userId;
        identity.walletAddress = walletAddress;
        identity.salt = Derivations.identitySalt(orgId, userId);
        identity.step = Identity.Step.DEPLOY;
        identity.createdAt = now;
        identity.updatedAt = now;
        identities.persist(identity);
        for (BigInteger topic : config.claimTopics()) {
            Claim claim = new Claim();
            claim.id = UUID.randomUUID();
            claim.identityId = identity.id;
            claim.orgId = orgId;
            claim.userId = userId;
            claim.kycCaseId = kycCaseId;
            claim.kycLevel = kycLevel;
            claim.topic = topic;
            claim.data = Numeric.toHexString(Derivations.claimData(orgId, kycCaseId, kycLevel));
            claim.uri = config.claimUriPrefix() + kycCaseId;
            claim.status = Claim.Status.ISSUING;
            claim.createdAt = now;
            claim.updatedAt = now;
            claims.persist(claim);
        }
    }

    /** The user's KYC case was rejected: revoke its claims (or stop them before they are issued). */
    @Transactional(Transactional.TxType.MANDATORY)
    public void requestRevocation(String orgId, String userId, String kycCaseId) {
        for (Claim claim : claims.ofUserLocked(orgId, userId)) {
            if (!claim.kycCaseId.equals(kycCaseId)) {
                continue;
            }
            switch (claim.status) {
                case ISSUED -> {
                    claim.status = Claim.Status.REVOKING;
                    touch(claim);
                }
                case ISSUING -> {
                    if (claim.pendingTxId == null) {
                        fail(claim, "kyc-rejected");
                    } else {
                        claim.revokeRequested = true; // in flight: revoke once it is on chain
                        touch(claim);
                    }
                }
                default -> {}
            }
        }
    }

    /**
     * Sends the next step of everything that waits for one, until the {@link WorkGate} closes.
     *
     * @return how many identities and claims were handled
     */
    public int advance() {
        Addresses addresses = contracts.ensureReady();
        int handled = 0;
        // Claims first: they are the last step of the users who came first.
        for (Claim claim : QuarkusTransaction.requiringNew().call(() -> claims.awaitingTransaction(BATCH))) {
            if (!gate.isOpen()) {
                return handled;
            }
            sendClaimStep(claim, addresses);
            handled++;
        }
        for (Identity identity : QuarkusTransaction.requiringNew().call(() -> identities.awaitingNextStep(BATCH))) {
            if (!gate.isOpen()) {
                return handled;
            }
            sendIdentityStep(identity, addresses);
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
        int settled = 0;
        for (ChainTransaction tx : pending) {
            if (!gate.isOpen()) {
                return settled;
            }
            Optional<Settlement> settlement = receipts.check(tx, latestBlock);
            if (settlement.isEmpty()) {
                sender.replaceIfStuck(tx);
                continue;
            }
            QuarkusTransaction.requiringNew().run(() -> settle(tx, settlement.get()));
            settled++;
        }
        return settled;
    }

    private void sendIdentityStep(Identity identity, Addresses addresses) {
        byte[] operatorKey = ClaimSigning.keyOf(keys.operatorAddress());
        String to = identity.identityAddress;
        String data;
        switch (identity.step) {
            case DEPLOY -> {
                to = addresses.idFactory();
                data = ContractCalls.createIdentityWithManagementKeys(
                        identity.walletAddress, identity.salt, List.of(operatorKey));
            }
            case ADD_WALLET_KEY -> data =
                    ContractCalls.addKey(ClaimSigning.keyOf(identity.walletAddress), ContractCalls.MANAGEMENT);
            case ADD_OPERATOR_CLAIM_KEY -> data = ContractCalls.addKey(operatorKey, ContractCalls.CLAIM);
            case DROP_OPERATOR_MANAGEMENT_KEY -> data = ContractCalls.removeKey(operatorKey, ContractCalls.MANAGEMENT);
            default -> throw new IllegalStateException("no transaction for step " + identity.step);
        }
        String purpose = "identity:" + identity.step.name().toLowerCase();
        try {
            sender.send(
                    purpose,
                    to,
                    data,
                    txId -> identities.update(
                            "pendingTxId = ?1, updatedAt = ?2 where id = ?3", txId, Instant.now(), identity.id));
        } catch (RevertedException e) {
            QuarkusTransaction.requiringNew().run(() -> {
                Identity managed = identities.findById(identity.id);
                if (ALREADY_DONE.contains(e.reason())) {
                    stepDone(managed);
                } else {
                    fail(managed, e.reason());
                }
            });
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
            sender.send(purpose, to, data, txId -> {
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
                if (managed.status == Claim.Status.REVOKING && ALREADY_DONE.contains(e.reason())) {
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
        receipts.record(tx, settlement);
        identities.findByPendingTx(tx.id).ifPresent(identity -> settleIdentityStep(identity, tx, settlement));
        claims.findByPendingTx(tx.id).ifPresent(claim -> settleClaimStep(claim, tx));
    }

    private void settleIdentityStep(Identity identity, ChainTransaction tx, Settlement settlement) {
        identity.pendingTxId = null;
        if (tx.status == ChainTransaction.Status.REVERTED) {
            fail(identity, tx.revertReason);
            return;
        }
        if (identity.step == Identity.Step.DEPLOY) {
            identity.identityAddress = ContractCalls.linkedIdentity(settlement.logs(), tx.recipient)
                    .orElseThrow(() -> new IllegalStateException("deployment " + tx.txHash + " linked no identity"));
            identity.deployTxHash = tx.txHash;
            identity.deployBlock = tx.blockNumber;
        }
        stepDone(identity);
    }

    private void settleClaimStep(Claim claim, ChainTransaction tx) {
        claim.pendingTxId = null;
        Identity identity = identities.findById(claim.identityId);
        if (claim.status == Claim.Status.ISSUING) {
            if (tx.status == ChainTransaction.Status.REVERTED) {
                fail(claim, tx.revertReason);
                return;
            }
            claim.status = Claim.Status.ISSUED;
            claim.txHash = tx.txHash;
            claim.blockNumber = tx.blockNumber;
            touch(claim);
            events.claimIssued(claim, identity.identityAddress);
            if (claim.revokeRequested) {
                claim.status = Claim.Status.REVOKING;
            }
        } else if (tx.status == ChainTransaction.Status.REVERTED) {
            // The revocation is tried again on the next round; a revert here needs an operator's eye.
            LOG.errorf("revocation of claim %s reverted: %s", claim.id, tx.revertReason);
            touch(claim);
        } else {
            revoked(claim, tx);
        }
    }

    private void stepDone(Identity identity) {
        identity.step = identity.step.next();
        identity.updatedAt = Instant.now();
        if (identity.step == Identity.Step.READY) {
            events.created(identity);
        }
    }

    private void revoked(Claim claim, ChainTransaction tx) {
        Identity identity = identities.findById(claim.identityId);
        claim.status = Claim.Status.REVOKED;
        if (tx != null) {
            claim.revokeTxHash = tx.txHash;
            claim.revokeBlock = tx.blockNumber;
            events.claimRevoked(claim, identity.identityAddress);
        }
        touch(claim);
    }

    private void fail(Identity identity, String reason) {
        identity.step = Identity.Step.FAILED;
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
        claim.failureReason = reason;
        touch(claim);
        events.claimIssuanceFailed(claim);
    }

    private static void touch(Claim claim) {
        claim.updatedAt = Instant.now();
    }
}
