package dev.attest.wallet.aa;

import dev.attest.common.work.DurableWork;
import dev.attest.wallet.Transfer;
import dev.attest.wallet.Wallet;
import dev.attest.wallet.repository.TransferRepository;
import dev.attest.wallet.repository.WalletRepository;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.OptionalLong;
import org.jboss.logging.Logger;

/**
 * Follows sponsored operations to their end, in one replica at a time: each reserved operation's receipt settles it;
 * one whose approval lapsed without a receipt is released (its transfer then gets a new operation); a sponsored
 * transfer that is stored but not sent (an outage of the node, the bundler, the paymaster or Dfns; an approval by an
 * admin; a crash) is taken on again. Nothing is lost: everything it needs is in the database.
 */
@ApplicationScoped
public class SponsorshipTracking implements DurableWork {
    public static final String NAME = "sponsorship-tracking";
    private static final Logger LOG = Logger.getLogger(SponsorshipTracking.class);
    private static final long LOCK = 0x53504f4e534f52L; // "SPONSOR"
    private static final int BATCH = 50;

    private final AaConfig config;
    private final Bundler bundler;
    private final SponsoredTransfers sponsored;
    private final TransferRepository transfers;
    private final WalletRepository wallets;

    SponsorshipTracking(
            AaConfig config,
            Bundler bundler,
            SponsoredTransfers sponsored,
            TransferRepository transfers,
            WalletRepository wallets) {
        this.config = config;
        this.bundler = bundler;
        this.sponsored = sponsored;
        this.transfers = transfers;
        this.wallets = wallets;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Duration pollInterval() {
        return config.pollInterval();
    }

    @Override
    public OptionalLong exclusiveLock() {
        return OptionalLong.of(LOCK);
    }

    @Override
    public Pass runPass() {
        if (!config.enabled()) {
            return Pass.NOTHING;
        }
        List<SponsoredOperation> reserved = QuarkusTransaction.requiringNew()
                .call(() -> SponsoredOperation.<SponsoredOperation>find(
                                "status = ?1 order by createdAt", SponsoredOperation.RESERVED)
                        .page(0, BATCH)
                        .list());
        reserved.forEach(this::follow);
        // Left alone for a poll interval: the request that stored it may be sending it right now.
        Instant quiet = Instant.now().minus(config.pollInterval());
        List<Transfer> unsent = QuarkusTransaction.requiringNew().call(() -> transfers.openSponsored(BATCH).stream()
                .filter(t -> t.userOperation == null || Transfer.REQUESTED.equals(t.status))
                .filter(t -> !t.updatedAt.isAfter(quiet))
                .toList());
        unsent.forEach(transfer -> sponsored.submit(transfer.id));
        return new Pass(reserved.size() + unsent.size(), reserved.size() >= BATCH || unsent.size() >= BATCH);
    }

    private void follow(SponsoredOperation operation) {
        try {
            var receipt = bundler.receipt(operation.userOpHash);
            if (receipt.isPresent()) {
                sponsored.settle(operation, receipt.get());
            } else if (Instant.now().isAfter(operation.validUntil.plus(config.expiryMargin()))
                    && !ranElsewhere(operation)) {
                sponsored.lapsed(operation);
            }
        } catch (JsonRpcClient.Unavailable e) {
            LOG.debugf("sponsored operation %s: %s", operation.userOpHash, e.getMessage());
        }
    }

    /** Whether the transfer's nonce sequence was used though this operation has no receipt (wait for it). */
    private boolean ranElsewhere(SponsoredOperation operation) {
        if (operation.transferId == null) {
            return false;
        }
        Transfer transfer = QuarkusTransaction.requiringNew().call(() -> transfers.findById(operation.transferId));
        Wallet wallet = QuarkusTransaction.requiringNew().call(() -> wallets.findById(transfer.walletId));
        return sponsored.executed(wallet, transfer.id);
    }
}
