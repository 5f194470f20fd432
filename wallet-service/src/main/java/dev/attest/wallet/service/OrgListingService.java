package dev.attest.wallet.service;

import dev.attest.wallet.Wallet;
import dev.attest.wallet.client.DfnsClient;
import dev.attest.wallet.client.DfnsException;
import dev.attest.wallet.client.DfnsPage;
import dev.attest.wallet.client.DfnsUnavailableException;
import dev.attest.wallet.client.DfnsWallet;
import dev.attest.wallet.repository.WalletRepository;
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
    /** A wallet of the org's Dfns account and, when Attest provisioned it, ours (with the user it belongs to). */
    public record OrgWallet(DfnsWallet dfns, Optional<Wallet> ours) {}

    public ResultPage<OrgWallet> wallets(String orgId, int limit, Optional<String> pageToken) {
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
        List<OrgWallet> items = page.items().stream()
                .map(w -> new OrgWallet(w, Optional.ofNullable(ours.get(w.id()))))
                .toList();
        return new ResultPage<>(items, page.nextPageToken());
    }
}
