package dev.attest.wallet.service;

import dev.attest.common.outbox.Outbox;
import dev.attest.common.problem.ProblemException;
import dev.attest.common.tenant.Tenants;
import dev.attest.wallet.KycStanding;
import dev.attest.wallet.Transfer;
import dev.attest.wallet.Wallet;
import dev.attest.wallet.aa.AccountCalls;
import dev.attest.wallet.aa.SponsoredTransfers;
import dev.attest.wallet.client.DfnsClient;
import dev.attest.wallet.client.DfnsException;
import dev.attest.wallet.client.DfnsTransfer;
import dev.attest.wallet.client.DfnsUnavailableException;
import dev.attest.wallet.events.WalletEvents;
import dev.attest.wallet.repository.KycStandingRepository;
import dev.attest.wallet.repository.TransferRepository;
import dev.attest.wallet.repository.WalletRepository;
import dev.attest.wallet.rest.TransferRequest;
import dev.attest.wallet.rest.WeiAmount;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import org.jboss.logging.Logger;

/**
 * Transfers out of users' wallets. A request is checked completely (input, ownership, KYC, wallet state,
 * idempotency key, spending policy) before anything is stored or sent; it is then stored as
 * {@code requested} and sent to Dfns with the transfer's id as externalId, so a resubmission after a crash
 * or an outage can never move value twice. Status changes come from Dfns webhooks, with polling as the
 * fallback ({@link TransferTracking}), and each one is announced as TransferStatusChanged.
 */
@ApplicationScoped
public class TransferService {
    private static final Logger LOG = Logger.getLogger(TransferService.class);

    private final WalletRepository wallets;
    private final TransferRepository transfers;
    private final KycStandingRepository standings;
    private final DfnsSettingsService settings;
    private final SpendingPolicyEnforcement policy;
    private final DfnsClient dfns;
    private final Outbox outbox;
    private final TransferStatusChanges statusChanges;
    private final SponsoredTransfers sponsored;
    private final Tenants tenants;
    private final TransferFreezes freezes;

    /** The transfer, and whether this request created it (false: a replay of the same idempotency key). */
    public record Outcome(Transfer transfer, boolean created) {}

    TransferService(
            WalletRepository wallets,
            TransferRepository transfers,
            KycStandingRepository standings,
            DfnsSettingsService settings,
            SpendingPolicyEnforcement policy,
            DfnsClient dfns,
            Outbox outbox,
            TransferStatusChanges statusChanges,
            SponsoredTransfers sponsored,
            Tenants tenants,
            TransferFreezes freezes) {
        this.freezes = freezes;
        this.wallets = wallets;
        this.transfers = transfers;
        this.standings = standings;
        this.settings = settings;
        this.policy = policy;
        this.dfns = dfns;
        this.outbox = outbox;
        this.statusChanges = statusChanges;
        this.sponsored = sponsored;
        this.tenants = tenants;
    }

    public Outcome request(
            String orgId, String userId, String walletId, String idempotencyKey, TransferRequest request) {
        if (idempotencyKey == null || idempotencyKey.isBlank() || idempotencyKey.length() > 200) {
            throw ProblemException.badRequest(
                    "idempotency-key-required", "An Idempotency-Key header (1 to 200 characters) is required.");
        }
        if (tenants.suspended(orgId, null)) {
            // Issue 20: no new provider work for an organization the platform's admins suspended.
            throw new ProblemException(
                    403,
                    "suspended",
                    "Suspended",
                    "This organization is suspended by the platform's administrators; no transfer is made.");
        }
        Checked checked = validate(request);
        UUID walletUuid = parseId(walletId);
        UUID transferId = UUID.randomUUID();
        Optional<SponsoredTransfers.Approved> approved = checked.sponsored()
                ? approveSponsored(orgId, userId, walletUuid, idempotencyKey, transferId, checked)
                : Optional.empty();
        Outcome outcome = QuarkusTransaction.requiringNew()
                .call(() -> store(orgId, userId, walletUuid, idempotencyKey, transferId, checked, approved));
        if (!outcome.created() || Transfer.AWAITING_APPROVAL.equals(outcome.transfer().status)) {
            return outcome;
        }
        return new Outcome(submit(outcome.transfer().id), true);
    }

    /** Applies a status Dfns reported (webhook or poll) for the org's transfer; stale or repeated ones change nothing. */
    public void applyProviderStatus(String orgId, DfnsTransfer reported) {
        QuarkusTransaction.requiringNew().run(() -> transfers
                .lockReported(orgId, reported.id(), reported.ownId())
                .ifPresent(transfer -> record(transfer, reported)));
    }

    public Transfer get(String orgId, String userId, String transferId) {
        return QuarkusTransaction.requiringNew().call(() -> transfers
                .findByIdOptional(parseId(transferId))
                .filter(t -> t.orgId.equals(orgId) && t.userId.equals(userId))
                .orElseThrow(() -> ProblemException.notFound("Transfer " + transferId)));
    }

    /**
     * A page of the transfers of {@code walletId}, which must be {@code userId}'s in {@code orgId} (else
     * 404), newest first; the page token is the id of the last transfer of the previous page, one of this
     * wallet's (else 400).
     */
    public ResultPage<Transfer> history(
            String orgId, String userId, String walletId, int limit, Optional<String> pageToken) {
        UUID walletUuid = parseId(walletId);
        return QuarkusTransaction.requiringNew().call(() -> {
            wallets.findInOrg(orgId, walletUuid)
                    .filter(w -> w.userId.equals(userId))
                    .orElseThrow(() -> ProblemException.notFound("Wallet " + walletId));
            Optional<Transfer> after = pageToken.map(token -> parseToken(token)
                    .flatMap(transfers::findByIdOptional)
                    .filter(t -> t.walletId.equals(walletUuid))
                    .orElseThrow(() -> ProblemException.badRequest("invalid-page-token", "page_token is not valid.")));
            List<Transfer> page = transfers.pageOfWallet(walletUuid, after, limit + 1);
            boolean more = page.size() > limit;
            List<Transfer> shown = more ? page.subList(0, limit) : page;
            return new ResultPage<>(
                    shown, more ? Optional.of(shown.get(shown.size() - 1).id.toString()) : Optional.empty());
        });
    }

    private record Checked(String kind, String to, BigInteger amount, String contract, boolean sponsored) {
        AccountCalls.Movement movement() {
            return new AccountCalls.Movement(to, amount, Optional.ofNullable(contract));
        }
    }

    /**
     * A sponsored transfer's operation, made, priced and approved before anything is stored, so that the policy's
     * refusal stores and sends nothing; empty for a replayed key (the earlier transfer answers) or when the chain's
     * services did not answer (stored now, priced by {@link dev.attest.wallet.aa.SponsorshipTracking}).
     */
    private Optional<SponsoredTransfers.Approved> approveSponsored(
            String orgId, String userId, UUID walletId, String key, UUID transferId, Checked checked) {
        Optional<Wallet> wallet = QuarkusTransaction.requiringNew().call(() -> {
            Wallet found = wallets.findInOrg(orgId, walletId)
                    .filter(w -> w.userId.equals(userId))
                    .orElseThrow(() -> ProblemException.notFound("Wallet " + walletId));
            if (transfers.findByIdempotencyKey(orgId, userId, key).isPresent()) {
                return Optional.<Wallet>empty();
            }
            if (!found.isActive()) {
                throw ProblemException.conflict("wallet-not-active", "The wallet is not active yet.");
            }
            return Optional.of(found);
        });
        return wallet.flatMap(found -> sponsored.approveNew(found, transferId, checked.movement()));
    }

    private static Checked validate(TransferRequest request) {
        if (request == null) {
            throw ProblemException.badRequest("invalid-transfer", "A transfer body is required.");
        }
        String kind = request.kind() == null ? "" : request.kind().toLowerCase(Locale.ROOT);
        if (!kind.equals("native") && !kind.equals("erc20")) {
            throw ProblemException.badRequest("invalid-transfer", "kind must be native or erc20.");
        }
        if (!WeiAmount.Validator.isAmount(request.amount())) {
            throw ProblemException.badRequest(
                    "invalid-amount",
                    "amount must be a positive integer string in the smallest unit, at most 2^256 - 1.");
        }
        if (!EvmAddresses.isValid(request.to())) {
            throw ProblemException.badRequest("invalid-address", "to is not a valid address for the wallet's network.");
        }
        if (kind.equals("erc20") && !EvmAddresses.isValid(request.contract())) {
            throw ProblemException.badRequest("invalid-address", "contract must be the token's address for erc20.");
        }
        if (kind.equals("native") && request.contract() != null) {
            throw ProblemException.badRequest("invalid-transfer", "contract is only for erc20 transfers.");
        }
        return new Checked(
                kind,
                request.to(),
                new BigInteger(request.amount()),
                request.contract(),
                Boolean.TRUE.equals(request.sponsored()));
    }

    private Outcome store(
            String orgId,
            String userId,
            UUID walletId,
            String key,
            UUID transferId,
            Checked checked,
            Optional<SponsoredTransfers.Approved> approved) {
        // Locked until the transfer is stored: the user's requests are held to the daily limits one at a time.
        Wallet wallet = wallets.lockInOrg(orgId, walletId)
                .filter(w -> w.userId.equals(userId))
                .orElseThrow(() -> ProblemException.notFound("Wallet " + walletId));
        String hash = hash(walletId, checked);
        Optional<Transfer> earlier = transfers.findByIdempotencyKey(orgId, userId, key);
        if (earlier.isPresent()) {
            if (earlier.get().requestHash.equals(hash)) {
                return new Outcome(earlier.get(), false);
            }
            throw ProblemException.conflict(
                    "idempotency-key-reused", "This Idempotency-Key was used for another transfer.");
        }
        if (!standings
                .findByUser(orgId, userId)
                .map(s -> KycStanding.VERIFIED.equals(s.status))
                .orElse(false)) {
            throw new ProblemException(403, "kyc-not-verified", "KYC not verified", "Transfers need a verified KYC.");
        }
        if (!wallet.isActive()) {
            throw ProblemException.conflict("wallet-not-active", "The wallet is not active yet.");
        }
        if (!settings.isConfigured(orgId)) {
            throw new ProblemException(
                    409, "dfns-not-configured", "Dfns not configured", "The organization has no Dfns settings.");
        }
        boolean needsApproval = policy.admit(orgId, userId, Optional.ofNullable(checked.contract()), checked.amount());
        Transfer transfer = new Transfer();
        transfer.id = transferId;
        transfer.orgId = orgId;
        transfer.walletId = walletId;
        transfer.userId = userId;
        transfer.idempotencyKey = key;
        transfer.requestHash = hash;
        transfer.kind = checked.kind();
        transfer.toAddress = checked.to();
        transfer.amount = new BigDecimal(checked.amount());
        transfer.contract = checked.contract();
        transfer.status = needsApproval ? Transfer.AWAITING_APPROVAL : Transfer.REQUESTED;
        transfer.sponsored = checked.sponsored();
        transfer.fromAddress = checked.sponsored() ? wallet.smartAccountAddress : wallet.address;
        transfer.createdAt = Instant.now();
        transfer.updatedAt = transfer.createdAt;
        if (!needsApproval) {
            // Priced now with the reservation in this transaction, or later (an approval, an outage) by the tracker.
            approved.ifPresent(operation -> sponsored.attach(transfer, wallet, operation));
        }
        transfers.persist(transfer);
        if (needsApproval) {
            outbox.publish(WalletEvents.transferStatusChanged(transfer, null));
        }
        return new Outcome(transfer, true);
    }

    /**
     * Sends the stored transfer to Dfns; an outage, or a freeze of an incident response, leaves it {@code requested}
     * for the poller to resubmit.
     */
    Transfer submit(UUID transferId) {
        Transfer transfer = QuarkusTransaction.requiringNew().call(() -> transfers.findById(transferId));
        if (freezes.holds(transfer)) {
            LOG.infof("transfer %s held: its transfers are frozen by a security incident response", transferId);
            // Behind the others in the tracker's queue: held transfers never crowd out those it can send.
            QuarkusTransaction.requiringNew().run(() -> transfers.findById(transferId).updatedAt = Instant.now());
            return transfer;
        }
        if (transfer.sponsored) {
            return sponsored.submit(transferId);
        }
        Wallet wallet = QuarkusTransaction.requiringNew().call(() -> wallets.findById(transfer.walletId));
        try {
            var org = settings.forOrg(transfer.orgId)
                    .orElseThrow(() -> new DfnsException(0, "the organization has no Dfns settings"));
            DfnsTransfer accepted = dfns.createTransfer(
                    org.credentials(),
                    wallet.providerWalletId,
                    transfer.toAddress,
                    transfer.amountValue().toString(),
                    Optional.ofNullable(transfer.contract),
                    transfer.id.toString());
            return QuarkusTransaction.requiringNew().call(() -> {
                // Locked: Dfns's webhooks for it may be applied at this very moment (see lockReported).
                Transfer current =
                        transfers.lockInOrg(transfer.orgId, transferId).orElseThrow();
                record(current, accepted);
                return current;
            });
        } catch (DfnsException e) {
            return QuarkusTransaction.requiringNew().call(() -> {
                Transfer current =
                        transfers.lockInOrg(transfer.orgId, transferId).orElseThrow();
                current.reason = e.getMessage();
                move(current, "failed");
                return current;
            });
        } catch (DfnsUnavailableException e) {
            LOG.infof("transfer %s not yet accepted by Dfns, will resubmit: %s", transferId, e.getMessage());
            return transfer;
        }
    }

    /** What Dfns reported of a locked transfer: its id at Dfns, the first time, and any newer status. */
    private void record(Transfer transfer, DfnsTransfer reported) {
        if (transfer.providerTransferId == null) {
            transfer.providerTransferId = reported.id();
        }
        advance(transfer, reported);
    }

    private void advance(Transfer transfer, DfnsTransfer reported) {
        String status = reported.status().toLowerCase(Locale.ROOT);
        if (reported.txHash() != null) {
            transfer.txHash = reported.txHash();
        }
        if (reported.reason() != null) {
            transfer.reason = reported.reason();
        }
        transfer.updatedAt = Instant.now();
        if (transfer.advancesTo(status)) {
            move(transfer, status);
        }
    }

    void move(Transfer transfer, String status) {
        statusChanges.move(transfer, status);
    }

    private static String hash(UUID walletId, Checked checked) {
        String canonical = String.join(
                "|",
                walletId.toString(),
                checked.kind(),
                checked.to().toLowerCase(Locale.ROOT),
                checked.amount().toString(),
                checked.contract() == null ? "" : checked.contract().toLowerCase(Locale.ROOT));
        if (checked.sponsored()) {
            canonical += "|sponsored"; // only a sponsored request adds to it: earlier transfers keep their hashes
        }
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(canonical.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Optional<UUID> parseToken(String token) {
        try {
            return Optional.of(UUID.fromString(token));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private static UUID parseId(String id) {
        try {
            return UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            throw ProblemException.notFound("Wallet or transfer " + id);
        }
    }
}
