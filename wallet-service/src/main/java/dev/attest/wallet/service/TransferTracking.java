package dev.attest.wallet.service;

import dev.attest.common.work.DurableWork;
import dev.attest.wallet.Transfer;
import dev.attest.wallet.Wallet;
import dev.attest.wallet.client.DfnsClient;
import dev.attest.wallet.client.DfnsException;
import dev.attest.wallet.client.DfnsUnavailableException;
import dev.attest.wallet.config.WalletConfig;
import dev.attest.wallet.repository.TransferRepository;
import dev.attest.wallet.repository.WalletRepository;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.jboss.logging.Logger;

/**
 * The fallback for lost Dfns webhooks and outages: transfers still open {@code transfers.poll-after} after their
 * last change are resubmitted (never accepted by Dfns) or asked for their status, one batch every
 * {@code transfers.poll-interval}. What Dfns answers is applied exactly as its webhook would be.
 */
@ApplicationScoped
public class TransferTracking implements DurableWork {
    public static final String NAME = "transfer-tracking";
    private static final Logger LOG = Logger.getLogger(TransferTracking.class);
    private static final int BATCH = 50;

    private final TransferService service;
    private final TransferRepository transfers;
    private final WalletRepository wallets;
    private final DfnsSettingsService settings;
    private final DfnsClient dfns;
    private final WalletConfig.Transfers config;

    TransferTracking(
            TransferService service,
            TransferRepository transfers,
            WalletRepository wallets,
            DfnsSettingsService settings,
            DfnsClient dfns,
            WalletConfig config) {
        this.service = service;
        this.transfers = transfers;
        this.wallets = wallets;
        this.settings = settings;
        this.dfns = dfns;
        this.config = config.transfers();
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
    public Pass runPass() {
        Instant before = Instant.now().minus(config.pollAfter());
        List<Transfer> open = QuarkusTransaction.requiringNew().call(() -> transfers.openSince(before, BATCH));
        open.forEach(this::track);
        return new Pass(open.size(), false);
    }

    private void track(Transfer open) {
        try {
            if (open.providerTransferId == null) {
                service.submit(open.id);
            } else {
                Wallet wallet = QuarkusTransaction.requiringNew().call(() -> wallets.findById(open.walletId));
                settings.forOrg(open.orgId)
                        .ifPresent(org -> service.applyProviderStatus(
                                open.orgId,
                                dfns.getTransfer(org.credentials(), wallet.providerWalletId, open.providerTransferId)));
            }
        } catch (DfnsException | DfnsUnavailableException e) {
            LOG.debugf("polling transfer %s: %s", open.id, e.getMessage());
            QuarkusTransaction.requiringNew().run(() -> transfers.findById(open.id).updatedAt = Instant.now());
        }
    }
}
