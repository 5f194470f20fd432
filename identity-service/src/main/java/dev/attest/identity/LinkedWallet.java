package dev.attest.identity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/**
 * A further wallet of a user, linked to their existing identity in our records (not on chain: see the
 * README, "Further wallets"). The address is stored in lower case.
 */
@Entity
@Table(name = "identity_wallets")
public class LinkedWallet {
    @Id
    public String address;

    @Column(name = "identity_id")
    public UUID identityId;

    @Column(name = "linked_at")
    public Instant linkedAt;
}
