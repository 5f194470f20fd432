package dev.attest.wallet.service;

import dev.attest.wallet.Transfer;
import dev.attest.wallet.Wallet;
import dev.attest.wallet.client.DfnsClient;
import dev.attest.wallet.client.DfnsCredentials;
import dev.attest.wallet.client.DfnsException;
import dev.attest.wallet.client.DfnsPage;
import dev.attest.wallet.client.DfnsTransfer;
import dev.attest.wallet.client.DfnsUnavailableException;
import dev.attest.wallet.client.DfnsWallet;
import dev.attest.wallet.repository.TransferRepository;
import dev.attest.wallet.repository.WalletRepository;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.jboss.logging.Logger;

/**
 * The organization's transfers as Dfns lists them: Dfns lists transfers per wallet only, so the org's wallets
 * are walked as Dfns lists them, and each wallet's transfers are paged by Dfns, in Dfns's order. Each transfer
 * is joined with what this service knows of it (its id, the user, an admin's approval decision); one made
 * outside Attest has none of that. A page asks Dfns at most {@link #MAX_DFNS_CALLS} times, so it may hold fewer
 * than {@code limit} transfers (wallets without any cost a call each): only a null {@code next_page_token} says
 * that the listing is over. No transaction is held open during the Dfns calls.
 */
@ApplicationScoped
public class OrgTransactionsService {
    private static final Logger LOG = Logger.getLogger(OrgTransactionsService.class);

    /** Dfns calls one page may cost: the bound on one request's latency and on what one admin asks of Dfns. */
    static final int MAX_DFNS_CALLS = 10;

    /** Wallets asked of Dfns per wallet listing. */
    private static final int WALLETS_PER_PAGE = 50;

    private final DfnsSettingsService settings;
    private final DfnsClient dfns;
    private final WalletRepository wallets;
    private final TransferRepository transfers;

    OrgTransactionsService(
            DfnsSettingsService settings, DfnsClient dfns, WalletRepository wallets, TransferRepository transfers) {
        this.settings = settings;
        this.dfns = dfns;
        this.wallets = wallets;
        this.transfers = transfers;
    }

    /**
     * A transfer as Dfns lists it, with the transfer as this service recorded it ({@code ours}) and the user's
     * wallet Dfns's wallet is, when there are such.
     */
    public record OrgTransfer(DfnsTransfer dfns, Optional<Transfer> ours, Optional<Wallet> wallet) {}

    /** A page of the org's transfers from Dfns; 409 without Dfns settings, 503/502 when Dfns fails or refuses. */
    public ResultPage<OrgTransfer> page(String orgId, int limit, Optional<String> pageToken) {
        TransactionsCursor from = pageToken.map(TransactionsCursor::decode).orElse(TransactionsCursor.START);
        DfnsCredentials credentials =
                settings.forOrg(orgId).orElseThrow(DfnsProblems::notConfigured).credentials();
        Walk walk;
        try {
            walk = walk(credentials, from, limit);
        } catch (DfnsUnavailableException e) {
            LOG.debugf("transactions of org %s: Dfns unavailable: %s", orgId, e.getMessage());
            throw DfnsProblems.unavailable();
        } catch (DfnsException e) {
            LOG.infof("transactions of org %s: Dfns answered %d", orgId, e.status());
            throw DfnsProblems.refused();
        }
        return new ResultPage<>(joined(orgId, walk.found()), walk.next().map(TransactionsCursor::encode));
    }

    /** What one page found, and where the next one starts (empty: the listing is over). */
    private record Walk(List<DfnsTransfer> found, Optional<TransactionsCursor> next) {}

    private Walk walk(DfnsCredentials credentials, TransactionsCursor from, int limit) {
        List<DfnsTransfer> found = new ArrayList<>();
        Optional<String> walletsToken = from.walletsToken();
        DfnsPage<DfnsWallet> first = dfns.listWallets(credentials, WALLETS_PER_PAGE, walletsToken);
        int calls = 1;
        int index = from.walletId().map(id -> indexOf(first, id)).orElse(0);
        DfnsPage<DfnsWallet> walletPage = first;
        Optional<String> transfersToken = from.transfersToken();
        while (true) {
            boolean done = found.size() >= limit || calls >= MAX_DFNS_CALLS;
            if (index >= walletPage.items().size()) {
                if (walletPage.nextPageToken().isEmpty()) {
                    return new Walk(found, Optional.empty());
                }
                walletsToken = walletPage.nextPageToken();
                if (done) {
                    return new Walk(
                            found,
                            Optional.of(new TransactionsCursor(walletsToken, Optional.empty(), Optional.empty())));
                }
                walletPage = dfns.listWallets(credentials, WALLETS_PER_PAGE, walletsToken);
                calls++;
                index = 0;
                continue;
            }
            String walletId = walletPage.items().get(index).id();
            if (done) {
                return new Walk(
                        found,
                        Optional.of(new TransactionsCursor(walletsToken, Optional.of(walletId), transfersToken)));
            }
            DfnsPage<DfnsTransfer> page =
                    dfns.listTransfers(credentials, walletId, limit - found.size(), transfersToken);
            calls++;
            found.addAll(page.items());
            transfersToken = page.nextPageToken();
            if (transfersToken.isEmpty()) {
                index++;
            }
        }
    }

    // The cursor names a wallet of the page it names; if Dfns no longer lists it there, the token is stale.
    private static int indexOf(DfnsPage<DfnsWallet> page, String walletId) {
        for (int i = 0; i < page.items().size(); i++) {
            if (page.items().get(i).id().equals(walletId)) {
                return i;
            }
        }
        throw TransactionsCursor.invalid();
    }

    private List<OrgTransfer> joined(String orgId, List<DfnsTransfer> found) {
        if (found.isEmpty()) {
            return List.of();
        }
        List<String> providerWalletIds =
                found.stream().map(DfnsTransfer::walletId).distinct().toList();
        List<String> providerTransferIds = found.stream().map(DfnsTransfer::id).toList();
        // Ours are sent with their id as externalId: found by it even if Dfns's id was never recorded (a crash).
        List<UUID> ourIds =
                found.stream().flatMap(transfer -> transfer.ownId().stream()).toList();
        return QuarkusTransaction.requiringNew().call(() -> {
            Map<String, Wallet> walletsByProviderId = wallets.byProviderIds(orgId, providerWalletIds).stream()
                    .collect(Collectors.toMap(w -> w.providerWalletId, Function.identity()));
            List<Transfer> ours = transfers.byProviderOrOwnIds(orgId, providerTransferIds, ourIds);
            Map<UUID, Transfer> oursById = ours.stream().collect(Collectors.toMap(t -> t.id, Function.identity()));
            Map<String, Transfer> oursByProviderId = ours.stream()
                    .filter(t -> t.providerTransferId != null)
                    .collect(Collectors.toMap(t -> t.providerTransferId, Function.identity(), (a, b) -> a));
            return found.stream()
                    .map(transfer -> new OrgTransfer(
                            transfer,
                            Optional.ofNullable(oursByProviderId.get(transfer.id()))
                                    .or(() -> transfer.ownId().map(oursById::get)),
                            Optional.ofNullable(walletsByProviderId.get(transfer.walletId()))))
                    .toList();
        });
    }
}
