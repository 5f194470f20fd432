package dev.attest.wallet.service;

import dev.attest.common.problem.ProblemException;
import dev.attest.wallet.Wallet;
import dev.attest.wallet.client.DfnsClient;
import dev.attest.wallet.client.DfnsException;
import dev.attest.wallet.client.DfnsUnavailableException;
import dev.attest.wallet.client.DfnsWalletAssets;
import dev.attest.wallet.repository.WalletRepository;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.UUID;
import org.jboss.logging.Logger;

/**
 * The balances of a user's wallet, asked of Dfns each time (this service keeps no balances): only the
 * owner's, only once the wallet is provisioned. No transaction is held open during the Dfns call.
 */
@ApplicationScoped
public class WalletAssetsService {
    private static final Logger LOG = Logger.getLogger(WalletAssetsService.class);

    private final WalletRepository wallets;
    private final DfnsSettingsService settings;
    private final DfnsClient dfns;

    WalletAssetsService(WalletRepository wallets, DfnsSettingsService settings, DfnsClient dfns) {
        this.wallets = wallets;
        this.settings = settings;
        this.dfns = dfns;
    }

    /**
     * The assets of {@code walletId}, which must be {@code userId}'s in {@code orgId} (else 404). 409 when
     * the wallet is not provisioned or the org has no Dfns settings; 503 when Dfns does not answer, 502
     * when it refuses.
     */
    /** A wallet and its balances as Dfns reports them. */
    public record WalletAssets(Wallet wallet, DfnsWalletAssets assets) {}

    public WalletAssets of(String orgId, String userId, String walletId) {
        UUID id = parse(walletId);
        Wallet wallet = QuarkusTransaction.requiringNew().call(() -> wallets.findInOrg(orgId, id)
                .filter(w -> w.userId.equals(userId))
                .orElseThrow(() -> ProblemException.notFound("Wallet " + walletId)));
        if (!wallet.isActive()) {
            throw ProblemException.conflict("wallet-not-active", "The wallet is not provisioned yet.");
        }
        var org = settings.forOrg(orgId)
                .orElseThrow(() -> new ProblemException(
                        409, "dfns-not-configured", "Dfns not configured", "The organization has no Dfns settings."));
        DfnsWalletAssets assets;
        try {
            assets = dfns.getWalletAssets(org.credentials(), wallet.providerWalletId);
        } catch (DfnsUnavailableException e) {
            LOG.debugf("assets of wallet %s: Dfns unavailable: %s", wallet.id, e.getMessage());
            throw new ProblemException(
                    503, "dfns-unavailable", "Dfns unavailable", "Dfns did not answer for the balances; try again.");
        } catch (DfnsException e) {
            LOG.infof("assets of wallet %s: Dfns answered %d", wallet.id, e.status());
            throw new ProblemException(
                    502, "dfns-refused", "Dfns refused", "Dfns refused to report the wallet's balances.");
        }
        return new WalletAssets(wallet, assets);
    }

    private static UUID parse(String walletId) {
        try {
            return UUID.fromString(walletId);
        } catch (IllegalArgumentException e) {
            throw ProblemException.notFound("Wallet " + walletId);
        }
    }
}
