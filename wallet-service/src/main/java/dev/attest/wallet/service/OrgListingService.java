package dev.attest.wallet.service;

import dev.attest.common.problem.ProblemException;
import dev.attest.wallet.Transfer;
import dev.attest.wallet.Wallet;
import dev.attest.wallet.client.DfnsClient;
import dev.attest.wallet.client.DfnsException;
import dev.attest.wallet.client.DfnsPage;
import dev.attest.wallet.client.DfnsUnavailableException;
import dev.attest.wallet.client.DfnsWallet;
import dev.attest.wallet.repository.TransferRepository;
import dev.attest.wallet.repository.WalletRepository;
import dev.attest.wallet.rest.OrgWalletView;
import dev.attest.wallet.rest.PageView;
import dev.attest.wallet.rest.TransferView;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

/** What org admins see: the org's Dfns wallets with their users, and the org's transfers. */
@ApplicationScoped
public class OrgListingService {
    private final DfnsSettingsService settings;
    private final DfnsClient dfns;
    private final WalletRepository wallets;
    private final TransferRepository transfers;

    OrgListingService(
            DfnsSettingsService settings, DfnsClient dfns, WalletRepository wallets, TransferRepository transfers) {
        this.settings = settings;
        this.dfns = dfns;
        this.wallets = wallets;
        this.transfers = transfers;
    }

    /** A page of the org's wallets as Dfns lists them, each joined with the user it belongs to. */
    public PageView<OrgWalletView> wallets(String orgId, int limit, Optional<String> pageToken) {
        var org = settings.forOrg(orgId)
                .orElseThrow(() -> new ProblemException(
                        409, "dfns-not-configured", "Dfns not configured", "The organization has no Dfns settings."));
        DfnsPage<DfnsWallet> page;
        try {
            page = dfns.listWallets(org.credentials(), limit, pageToken);
        } catch (DfnsUnavailableException e) {
            throw new ProblemException(503, "dfns-unavailable", "Dfns unavailable", "Dfns did not answer; try again.");
        } catch (DfnsException e) {
            throw new ProblemException(502, "dfns-refused", "Dfns refused", "Dfns answered: " + e.getMessage());
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

    /** A page of the org's transfers, oldest first; the token is the last transfer's id. */
    public PageView<TransferView> transfers(String orgId, int limit, Optional<String> pageToken) {
        return QuarkusTransaction.requiringNew().call(() -> {
            Optional<Transfer> after = pageToken.map(token -> transfers
                    .findByIdOptional(parseToken(token))
                    .filter(t -> t.orgId.equals(orgId))
                    .orElseThrow(() -> ProblemException.badRequest("invalid-page-token", "page_token is not valid.")));
            List<Transfer> page = transfers.pageOfOrg(orgId, after, limit + 1);
            boolean more = page.size() > limit;
            List<Transfer> shown = more ? page.subList(0, limit) : page;
            return new PageView<>(
                    shown.stream().map(TransferView::of).toList(),
                    more ? shown.get(shown.size() - 1).id.toString() : null);
        });
    }

    private static UUID parseToken(String token) {
        try {
            return UUID.fromString(token);
        } catch (IllegalArgumentException e) {
            throw ProblemException.badRequest("invalid-page-token", "page_token is not valid.");
        }
    }
}
