package dev.attest.wallet.service;

import dev.attest.wallet.Wallet;
import dev.attest.wallet.client.DfnsClient;
import dev.attest.wallet.client.DfnsException;
import dev.attest.wallet.client.DfnsPage;
import dev.attest.wallet.client.DfnsUnavailableException;
import dev.attest.wallet.client.DfnsWallet;
import dev.attest.wallet.repository.WalletRepository;
import dev.attest.wallet.rest.OrgWalletView;
import dev.attest.wallet.rest.PageView;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.jboss.logging.Logger;

/** What org admins see of the org's wallets: its Dfns wallets with their users ({@link OrgTransactionsService}: their transfers). */
@ApplicationScoped
public class OrgListingService {
    private static final Logger LOG = Logger.getLogger(OrgListingService.class);

    private final DfnsSettingsService settings;
    private final DfnsClient dfns;
    private final WalletRepository wallets;

    OrgListingService(DfnsSettingsService settings, DfnsClient dfns, WalletRepository wallets) {
        this.settings = settings;
        this.dfns = dfns;
        this.wallets = wallets;
    }

    /** A page of the org's wallets as Dfns lists them, each joined with the user it belongs to. */
    public PageView<OrgWalletView> wallets(String orgId, int limit, Optional<String> pageToken) {
        var org = settings.forOrg(orgId).orElseThrow(DfnsProblems::notConfigured);
        DfnsPage<DfnsWallet> page;
        try {
            page = dfns.listWallets(org.credentials(), limit, pageToken);
        } catch (DfnsUnavailableException e) {
            LOG.debugf("wallets of org %s: Dfns unavailable: %s", orgId, e.getMessage());
            throw DfnsProblems.unavailable();
        } catch (DfnsException e) {
            LOG.infof("wallets of org %s: Dfns answered %d", orgId, e.status());
            throw DfnsProblems.refused();
        }
        List<String> ids = page.items().stream().map(DfnsWallet::id).toList();
        Map<String, Wallet> ours = QuarkusTransaction.requiringNew()
                .call(() -> wallets.byProviderIds(orgId, ids).stream()
                        .collect(Collectors.toMap(w -> w.providerWalletId, Function.identity())));
        List<OrgWalletView> items = page.items().stream()
                .map(w -> {
                    Wallet mine = ours.get(w.id());
                    return new OrgWalletView(
                            w.id(),
                            w.network(),
                            w.address(),
                            w.status(),
                            mine == null ? null : mine.id.toString(),
                            mine == null ? null : mine.userId);
                })
                .toList();
        return new PageView<>(items, page.nextPageToken().orElse(null));
    }
}
