package dev.attest.wallet.aa;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.attest.common.outbox.Outbox;
import dev.attest.common.problem.ProblemException;
import dev.attest.wallet.Transfer;
import dev.attest.wallet.Wallet;
import dev.attest.wallet.client.DfnsClient;
import dev.attest.wallet.client.DfnsException;
import dev.attest.wallet.client.DfnsUnavailableException;
import dev.attest.wallet.events.WalletEvents;
import dev.attest.wallet.repository.TransferRepository;
import dev.attest.wallet.repository.WalletRepository;
import dev.attest.wallet.service.DfnsSettingsService;
import dev.attest.wallet.service.TransferStatusChanges;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.jboss.logging.Logger;
import org.web3j.utils.Numeric;

/**
 * A sponsored transfer: a UserOperation from the user's smart account, priced by the bundler, approved by the
 * project's paymaster within the policy, signed by Dfns with the wallet's key and sent to the bundler.
 *
 * <p>Each transfer has a nonce sequence of its own in the EntryPoint (the key is the transfer's id, the sequence
 * number 0), so the EntryPoint executes at most one operation for it: an operation re-made after an outage or a
 * crash (new fees, a new approval) can never move the value twice. Before a new operation is made, the old
 * sequence is read; if it was used, the old operation ran and its receipt settles the transfer.
 */
@ApplicationScoped
public class SponsoredTransfers {
    private static final Logger LOG = Logger.getLogger(SponsoredTransfers.class);

    private final AccountContracts contracts;
    private final Bundler bundler;
    private final SponsorshipAdmission admission;
    private final DfnsSettingsService settings;
    private final DfnsClient dfns;
    private final TransferRepository transfers;
    private final WalletRepository wallets;
    private final TransferStatusChanges statusChanges;
    private final Outbox outbox;
    private final ObjectMapper json;
    private final AaConfig config;

    SponsoredTransfers(
            AccountContracts contracts,
            Bundler bundler,
            SponsorshipAdmission admission,
            DfnsSettingsService settings,
            DfnsClient dfns,
            TransferRepository transfers,
            WalletRepository wallets,
            TransferStatusChanges statusChanges,
            Outbox outbox,
            ObjectMapper json,
            AaConfig config) {
        this.contracts = contracts;
        this.bundler = bundler;
        this.admission = admission;
        this.settings = settings;
        this.dfns = dfns;
        this.transfers = transfers;
        this.wallets = wallets;
        this.statusChanges = statusChanges;
        this.outbox = outbox;
        this.json = json;
        this.config = config;
    }

    /** An operation for a transfer, priced and approved by the project's paymaster, not signed yet. */
    public record Approved(UserOperation op, String userOpHash, Paymaster.Fields approval, String paymasterKind) {}

    /**
     * Checks that the wallet's user may be sponsored for {@code movement} (refused: {@link
     * SponsorshipRefusedException}, nothing made), then makes and prices the operation. Empty when the node, the
     * bundler or the paymaster did not answer: the transfer is then stored and priced later.
     */
    public Optional<Approved> approveNew(Wallet wallet, UUID transferId, AccountCalls.Movement movement) {
        SponsorshipPolicy policy = QuarkusTransaction.requiringNew().call(() -> {
            SponsorshipPolicy found = admission.policyOf(wallet.orgId, wallet.projectId);
            admission.refusal(found, wallet.userId).ifPresent(refused -> {
                throw refused;
            });
            admission.checkTransfer(found, movement.contract(), movement.to());
            return found;
        });
        if (wallet.smartAccountAddress == null) {
            throw ProblemException.conflict(
                    "smart-account-not-ready", "The wallet's smart account is not known yet; try again in a moment.");
        }
        try {
            return Optional.of(approve(policy, wallet, transferId, movement));
        } catch (JsonRpcClient.Unavailable e) {
            LOG.infof("sponsored transfer %s not priced yet, will retry: %s", transferId, e.getMessage());
            return Optional.empty();
        }
    }

    /**
     * In the caller's transaction, which stores {@code transfer}: reserves the operation's most against the policy
     * and records the operation on the transfer. Refused: nothing stored.
     */
    public void attach(Transfer transfer, Wallet wallet, Approved approved) {
        SponsorshipPolicy policy = admission.policyOf(wallet.orgId, wallet.projectId);
        admission.checkTransfer(policy, Optional.ofNullable(transfer.contract), transfer.toAddress);
        admission.reserve(
                policy,
                wallet.userId,
                approved.op(),
                approved.userOpHash(),
                approved.approval(),
                approved.paymasterKind(),
                Optional.of(transfer.id));
        transfer.userOpHash = approved.userOpHash();
        transfer.userOperation = approved.op().toRpc(json).toString();
        transfer.fromAddress = approved.op().sender;
    }

    /**
     * Takes a stored sponsored transfer one step on: priced and approved when it has no live operation, signed
     * through Dfns, sent to the bundler. An outage leaves it where it is for {@link SponsorshipTracking}; a refusal
     * (the policy now says no, Dfns or the bundler refuses the operation) fails it.
     */
    public Transfer submit(UUID transferId) {
        Transfer transfer = QuarkusTransaction.requiringNew().call(() -> transfers.findById(transferId));
        if (transfer.isFinal() || Transfer.AWAITING_APPROVAL.equals(transfer.status)) {
            return transfer;
        }
        Wallet wallet = QuarkusTransaction.requiringNew().call(() -> wallets.findById(transfer.walletId));
        try {
            if (transfer.userOperation == null) {
                if (executed(wallet, transferId)) {
                    return transfer; // an earlier operation ran: its receipt settles the transfer
                }
                reprice(transfer, wallet);
            }
            signIfUnsigned(transferId, wallet);
            return send(transferId);
        } catch (SponsorshipRefusedException e) {
            return fail(transferId, e.slug() + ": " + e.getMessage());
        } catch (JsonRpcClient.RpcError | DfnsException e) {
            return fail(transferId, e.getMessage());
        } catch (JsonRpcClient.Unavailable | DfnsUnavailableException e) {
            LOG.infof("sponsored transfer %s not sent yet, will retry: %s", transferId, e.getMessage());
            QuarkusTransaction.requiringNew().run(() -> transfers.findById(transferId).updatedAt = Instant.now());
            return transfer;
        }
    }

    /**
     * The transfer's operation lapsed without being executed (its approval expired): it can never run. Its
     * reservation is released and the transfer is made a new operation at its next {@link #submit}.
     */
    public void lapsed(SponsoredOperation operation) {
        QuarkusTransaction.requiringNew().run(() -> {
            SponsoredOperation current = SponsoredOperation.findById(operation.userOpHash);
            current.status = SponsoredOperation.RELEASED;
            current.settledAt = Instant.now();
            if (current.transferId != null) {
                Transfer transfer = transfers.findById(current.transferId);
                if (!transfer.isFinal() && current.userOpHash.equals(transfer.userOpHash)) {
                    transfer.userOperation = null;
                    transfer.updatedAt = Instant.now();
                }
            }
        });
    }

    /** Whether the EntryPoint has executed an operation of the transfer's nonce sequence. */
    public boolean executed(Wallet wallet, UUID transferId) {
        return wallet.smartAccountAddress != null
                && !contracts
                        .nonce(wallet.smartAccountAddress, nonceKey(transferId))
                        .equals(firstNonce(transferId));
    }

    /**
     * Settles what the receipt says: the reservation becomes what the gas cost, the transfer confirmed (its call
     * succeeded) or failed (it reverted: its gas was still paid), announced through the outbox.
     */
    public void settle(SponsoredOperation operation, Bundler.Receipt receipt) {
        QuarkusTransaction.requiringNew().run(() -> {
            SponsoredOperation current = SponsoredOperation.findById(operation.userOpHash);
            if (!SponsoredOperation.RESERVED.equals(current.status)) {
                return;
            }
            current.status = SponsoredOperation.SETTLED;
            current.gasCost = new BigDecimal(receipt.actualGasCost());
            current.success = receipt.success();
            current.txHash = receipt.txHash();
            current.settledAt = Instant.now();
            if (current.transferId != null) {
                Transfer transfer =
                        transfers.lockInOrg(current.orgId, current.transferId).orElseThrow();
                transfer.userOpHash = current.userOpHash;
                transfer.txHash = receipt.txHash();
                transfer.gasCost = current.gasCost;
                transfer.userOperation = null; // settled: nothing is ever sent again
                if (!receipt.success()) {
                    transfer.reason =
                            "the operation's call reverted" + (receipt.reason() == null ? "" : ": " + receipt.reason());
                }
                if (!transfer.isFinal()) {
                    statusChanges.move(transfer, receipt.success() ? "confirmed" : "failed");
                }
            }
            wallets.find("lower(smartAccountAddress) = ?1", current.sender.toLowerCase(java.util.Locale.ROOT))
                    .list()
                    .forEach(wallet -> wallet.smartAccountDeployed = true);
            outbox.publish(WalletEvents.gasSponsored(current));
        });
    }

    private Approved approve(SponsorshipPolicy policy, Wallet wallet, UUID transferId, AccountCalls.Movement movement) {
        UserOperation op = operation(wallet, transferId, movement);
        Paymaster paymaster = admission.paymasterOf(policy);
        long chain = contracts.chainId();
        paymaster.stubData(op, chain).applyTo(op);
        op.signature = PlatformPaymaster.stubSignature();
        bundler.estimate(op).applyTo(op);
        String outOfBounds = OperationLimits.refusal(op);
        if (outOfBounds != null) {
            throw new SponsorshipRefusedException(
                    422, "operation-out-of-bounds", "The operation was priced out of bounds: " + outOfBounds);
        }
        Paymaster.Fields approval = paymaster.data(op, chain);
        approval.applyTo(op);
        op.signature = new byte[0];
        return new Approved(op, Numeric.toHexString(contracts.userOpHash(op)), approval, paymaster.kind());
    }

    private void reprice(Transfer transfer, Wallet wallet) {
        AccountCalls.Movement movement = new AccountCalls.Movement(
                transfer.toAddress, transfer.amountValue(), Optional.ofNullable(transfer.contract));
        SponsorshipPolicy policy = QuarkusTransaction.requiringNew().call(() -> {
            SponsorshipPolicy found = admission.policyOf(wallet.orgId, wallet.projectId);
            admission.refusal(found, wallet.userId).ifPresent(refused -> {
                throw refused;
            });
            return found;
        });
        Approved approved = approve(policy, wallet, transfer.id, movement);
        QuarkusTransaction.requiringNew().run(() -> {
            Transfer current = transfers.lockInOrg(transfer.orgId, transfer.id).orElseThrow();
            attach(current, wallet, approved);
            current.updatedAt = Instant.now();
        });
    }

    private void signIfUnsigned(UUID transferId, Wallet wallet) {
        Transfer transfer = QuarkusTransaction.requiringNew().call(() -> transfers.findById(transferId));
        UserOperation op = UserOperation.fromRpc(read(transfer.userOperation));
        if (op.signature.length > 0) {
            return;
        }
        var org = settings.forOrg(transfer.orgId)
                .orElseThrow(() -> new DfnsException(0, "the organization has no Dfns settings"));
        op.signature = dfns.signMessage(
                org.credentials(),
                wallet.providerWalletId,
                Numeric.hexStringToByteArray(transfer.userOpHash),
                "attest:" + transferId + ":" + transfer.userOpHash);
        QuarkusTransaction.requiringNew().run(() -> {
            Transfer current = transfers.lockInOrg(transfer.orgId, transferId).orElseThrow();
            if (transfer.userOpHash.equals(current.userOpHash)) {
                current.userOperation = op.toRpc(json).toString();
            }
        });
    }

    private Transfer send(UUID transferId) {
        Transfer transfer = QuarkusTransaction.requiringNew().call(() -> transfers.findById(transferId));
        UserOperation op = UserOperation.fromRpc(read(transfer.userOperation));
        try {
            bundler.send(op);
        } catch (JsonRpcClient.RpcError e) {
            if (!alreadyKnown(e)) {
                throw e;
            }
        }
        return QuarkusTransaction.requiringNew().call(() -> {
            Transfer current = transfers.lockInOrg(transfer.orgId, transferId).orElseThrow();
            current.updatedAt = Instant.now();
            if (current.advancesTo("broadcasted")) {
                statusChanges.move(current, "broadcasted");
            }
            return current;
        });
    }

    private Transfer fail(UUID transferId, String reason) {
        return QuarkusTransaction.requiringNew().call(() -> {
            Transfer current = transfers.findById(transferId);
            if (current.isFinal()) {
                return current;
            }
            if (current.userOpHash != null) {
                SponsoredOperation reserved = SponsoredOperation.findById(current.userOpHash);
                if (reserved != null && SponsoredOperation.RESERVED.equals(reserved.status)) {
                    reserved.status = SponsoredOperation.RELEASED;
                    reserved.settledAt = Instant.now();
                }
            }
            current.userOperation = null;
            current.reason = reason;
            statusChanges.move(current, "failed");
            return current;
        });
    }

    /** The bundler has this very operation already (a resend after a lost answer). */
    private static boolean alreadyKnown(JsonRpcClient.RpcError e) {
        String message = e.getMessage().toLowerCase(java.util.Locale.ROOT);
        return message.contains("already known") || message.contains("already in mempool");
    }

    private UserOperation operation(Wallet wallet, UUID transferId, AccountCalls.Movement movement) {
        UserOperation op = new UserOperation();
        op.sender = wallet.smartAccountAddress;
        op.nonce = firstNonce(transferId);
        if (!contracts.isDeployed(op.sender)) {
            op.factory = config.accountFactory().orElseThrow();
            op.factoryData = AccountCalls.createAccount(wallet.address);
        }
        op.callData = AccountCalls.execute(movement);
        BigInteger gasPrice = contracts.gasPrice();
        op.maxPriorityFeePerGas = gasPrice;
        op.maxFeePerGas = gasPrice.multiply(BigInteger.TWO);
        return op;
    }

    /** The transfer's own nonce sequence: its id's 128 bits as the 192-bit key. */
    static BigInteger nonceKey(UUID transferId) {
        return new BigInteger(
                1,
                ByteBuffer.allocate(16)
                        .putLong(transferId.getMostSignificantBits())
                        .putLong(transferId.getLeastSignificantBits())
                        .array());
    }

    static BigInteger firstNonce(UUID transferId) {
        return nonceKey(transferId).shiftLeft(64);
    }

    private com.fasterxml.jackson.databind.JsonNode read(String operation) {
        try {
            return json.readTree(operation);
        } catch (java.io.IOException e) {
            throw new IllegalStateException("a stored operation that is not JSON", e);
        }
    }
}
