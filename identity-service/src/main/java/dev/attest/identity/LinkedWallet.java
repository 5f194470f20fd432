package dev.attest.identity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/**
 * A further wallet of a user, linked to their existing identity in our records (not on chain: see the
 * README, "Further wallets"). The address is stored in lower case. {@link #kind} says what it is: a further
 * custody wallet or the user's ERC-4337 smart account.
 */
@Entity
@Table(name = "identity_wallets")
public class LinkedWallet {
    /** A further custody wallet ({@code attest.wallet.provisioned.v1}). */
    public static final String WALLET = "wallet";

    /** The user's ERC-4337 smart account ({@code attest.wallet.smart-account-ready.v1}). */
    public static final String SMART_ACCOUNT = "smart-account";

    @Id
    public String address;

    @Column(name = "identity_id")
    public UUID identityId;

    /** {@link #WALLET} or {@link #SMART_ACCOUNT}. */
    public String kind;

    @Column(name = "linked_at")
    public Instant linkedAt;
}
