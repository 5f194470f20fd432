package dev.attest.identity.service;

import dev.attest.identity.Identity;
import dev.attest.identity.LinkedWallet;
import dev.attest.identity.repository.IdentityRepository;
import dev.attest.identity.repository.LinkedWalletRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.jboss.logging.Logger;

/**
 * A user's wallets: the one their identity was created with (linked on chain by the IdFactory) and the further
 * ones linked to the same identity in our records. On chain, the IdFactory links a further wallet only when a
 * wallet already linked sends {@code linkWallet}, and the platform holds no user's wallet key (README).
 */
@ApplicationScoped
public class WalletLinks {
    private static final Logger LOG = Logger.getLogger(WalletLinks.class);

    private final IdentityRepository identities;
    private final LinkedWalletRepository linked;

    WalletLinks(IdentityRepository identities, LinkedWalletRepository linked) {
        this.identities = identities;
        this.linked = linked;
    }

    /**
     * Links {@code address} to {@code identity}, unless it is its wallet already. A wallet that belongs to
     * another identity is not linked (one wallet, one identity, as the IdFactory holds it).
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void link(Identity identity, String address) {
        String wallet = address.toLowerCase(Locale.ROOT);
        if (identity.walletAddress.equalsIgnoreCase(wallet)) {
            return;
        }
        Optional<Identity> owner = identityOf(wallet);
        if (owner.isPresent()) {
            if (!owner.get().id.equals(identity.id)) {
                LOG.warnf(
                        "wallet %s of user %s belongs to another identity already; not linked",
                        wallet, identity.userId);
            }
            return;
        }
        LinkedWallet link = new LinkedWallet();
        link.address = wallet;
        link.identityId = identity.id;
        link.linkedAt = Instant.now();
        linked.persist(link);
    }

    /** The identity {@code address} belongs to, as its first wallet or a linked one. */
    @Transactional
    public Optional<Identity> identityOf(String address) {
        Optional<Identity> first = identities.findByWallet(address);
        if (first.isPresent()) {
            return first;
        }
        return linked.findByAddress(address).map(link -> identities.findById(link.identityId));
    }

    /** Every wallet of {@code identity}: the first one, then the linked ones in the order they came. */
    @Transactional
    public List<String> of(Identity identity) {
        List<String> all = new ArrayList<>();
        all.add(identity.walletAddress);
        linked.of(identity.id).forEach(link -> all.add(link.address));
        return all;
    }
}
