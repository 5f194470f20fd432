package dev.attest.identity.service;

import dev.attest.identity.HeldWalletLink;
import dev.attest.identity.Identity;
import dev.attest.identity.LinkedWallet;
import dev.attest.identity.repository.HeldWalletLinkRepository;
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
 * wallet already linked sends {@code linkWallet}, and the platform holds no user's wallet key (README). A further
 * wallet is a custody wallet or the user's ERC-4337 smart account ({@link LinkedWallet#kind}); one that comes before
 * the user has an identity is held and linked when the identity is created.
 */
@ApplicationScoped
public class WalletLinks {
    private static final Logger LOG = Logger.getLogger(WalletLinks.class);

    private final IdentityRepository identities;
    private final LinkedWalletRepository linked;
    private final HeldWalletLinkRepository held;

    WalletLinks(IdentityRepository identities, LinkedWalletRepository linked, HeldWalletLinkRepository held) {
        this.identities = identities;
        this.linked = linked;
        this.held = held;
    }

    /**
     * Links {@code address} to the identity of {@code userId} in {@code orgId} as a wallet of {@code kind}; if the
     * user has no identity yet, holds it until {@link #linkHeld} (when the identity is created). Holding the same
     * wallet again changes nothing.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void linkOrHold(String orgId, String userId, String address, String kind) {
        Optional<Identity> identity = identities.findByUser(orgId, userId);
        if (identity.isPresent()) {
            link(identity.get(), address, kind);
            return;
        }
        String wallet = address.toLowerCase(Locale.ROOT);
        if (held.findByIdOptional(new HeldWalletLink.Key(orgId, userId, wallet)).isPresent()) {
            return;
        }
        HeldWalletLink hold = new HeldWalletLink();
        hold.orgId = orgId;
        hold.userId = userId;
        hold.address = wallet;
        hold.kind = kind;
        hold.receivedAt = Instant.now();
        held.persist(hold);
        LOG.infof("%s %s of user %s held until the user's identity is created", kind, wallet, userId);
    }

    /** Links the wallets held for the user of {@code identity}, just created, as {@link #link} does. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void linkHeld(Identity identity) {
        for (HeldWalletLink hold : held.of(identity.orgId, identity.userId)) {
            link(identity, hold.address, hold.kind);
            held.delete(hold);
        }
    }

    /**
     * Links {@code address} to {@code identity} as a wallet of {@code kind} ({@link LinkedWallet#WALLET}, {@link
     * LinkedWallet#SMART_ACCOUNT}), unless it is its wallet already. A wallet that belongs to another identity is not
     * linked (one wallet, one identity, as the IdFactory holds it).
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void link(Identity identity, String address, String kind) {
        String wallet = address.toLowerCase(Locale.ROOT);
        if (identity.walletAddress.equalsIgnoreCase(wallet)) {
            return;
        }
        Optional<Identity> owner = identityOf(wallet);
        if (owner.isPresent()) {
            if (!owner.get().id.equals(identity.id)) {
                LOG.warnf(
                        "%s %s of user %s belongs to another identity already; not linked",
                        kind, wallet, identity.userId);
            }
            return;
        }
        LinkedWallet link = new LinkedWallet();
        link.address = wallet;
        link.identityId = identity.id;
        link.kind = kind;
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
