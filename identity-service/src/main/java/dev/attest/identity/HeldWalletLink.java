package dev.attest.identity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.Instant;
import java.util.Objects;

/**
 * A wallet to link to a user's identity that does not exist yet: a smart account announced before the user's first
 * wallet was (README, "Further wallets"). The transaction that creates the identity links it and deletes this row.
 * The address is stored in lower case.
 */
@Entity
@Table(name = "held_wallet_links")
@IdClass(HeldWalletLink.Key.class)
public class HeldWalletLink {
    @Id
    @Column(name = "org_id")
    public String orgId;

    @Id
    @Column(name = "user_id")
    public String userId;

    @Id
    public String address;

    /** {@link LinkedWallet#WALLET} or {@link LinkedWallet#SMART_ACCOUNT}: the kind it is linked as. */
    public String kind;

    @Column(name = "received_at")
    public Instant receivedAt;

    /** The composite id: a wallet held once per user. */
    public static class Key implements Serializable {
        public String orgId;
        public String userId;
        public String address;

        public Key() {}

        public Key(String orgId, String userId, String address) {
            this.orgId = orgId;
            this.userId = userId;
            this.address = address;
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof Key key
                    && Objects.equals(orgId, key.orgId)
                    && Objects.equals(userId, key.userId)
                    && Objects.equals(address, key.address);
        }

        @Override
        public int hashCode() {
            return Objects.hash(orgId, userId, address);
        }
    }
}
