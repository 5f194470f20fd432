package dev.attest.wallet.aa;

import dev.attest.common.outbox.Outbox;
import dev.attest.common.work.DurableWork;
import dev.attest.wallet.Wallet;
import dev.attest.wallet.events.WalletEvents;
import dev.attest.wallet.repository.WalletRepository;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.jboss.logging.Logger;

/**
 * Gives each provisioned wallet on the ERC-4337 chain its smart account: the SimpleAccount its key owns, at the
 * address the factory answers (counterfactual: nothing is deployed or paid for until its first sponsored
 * operation), recorded and announced once ({@code attest.wallet.smart-account-ready.v1}, in the same transaction).
 */
@ApplicationScoped
public class SmartAccounts implements DurableWork {
    public static final String NAME = "smart-accounts";
    private static final Logger LOG = Logger.getLogger(SmartAccounts.class);
    private static final int BATCH = 50;

    private final AaConfig config;
    private final AccountContracts contracts;
    private final WalletRepository wallets;
    private final Outbox outbox;

    SmartAccounts(AaConfig config, AccountContracts contracts, WalletRepository wallets, Outbox outbox) {
        this.config = config;
        this.contracts = contracts;
        this.wallets = wallets;
        this.outbox = outbox;
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
        if (!config.enabled()) {
            return Pass.NOTHING;
        }
        String network = config.network().orElse("%");
        List<Wallet> due = QuarkusTransaction.requiringNew().call(() -> wallets.find(
                        "status = ?1 and smartAccountAddress is null and address is not null"
                                + " and lower(network) like lower(?2) order by createdAt",
                        Wallet.PROVISIONED,
                        network)
                .page(0, BATCH)
                .list());
        int derived = 0;
        for (Wallet wallet : due) {
            try {
                record(wallet.id, contracts.accountOf(wallet.address));
                derived++;
            } catch (RuntimeException e) {
                LOG.infof("smart account of wallet %s not derived yet: %s", wallet.id, e.getMessage());
                return new Pass(derived, false); // the node is unwell: the next pass tries again
            }
        }
        return Pass.ofBatch(due.size(), BATCH);
    }

    private void record(UUID walletId, String account) {
        QuarkusTransaction.requiringNew().run(() -> {
            Wallet wallet = wallets.findById(walletId, LockModeType.PESSIMISTIC_WRITE);
            if (wallet.smartAccountAddress != null) {
                return;
            }
            wallet.smartAccountAddress = account;
            outbox.publish(WalletEvents.smartAccountReady(
                    wallet,
                    config.entryPoint().orElseThrow(),
                    config.accountFactory().orElseThrow()));
        });
    }
}
