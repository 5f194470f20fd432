package dev.attest.wallet;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.Instant;
import java.util.Objects;

/**
 * Whether a user's (or business's) identity holds the platform's claim on a topic, from identity-service's events;
 * the event of the latest block wins. Sponsored transfers need an issued one.
 */
@Entity
@Table(name = "claim_standing")
@IdClass(ClaimStanding.Key.class)
public class ClaimStanding {
    public static final String ISSUED = "issued";
    public static final String REVOKED = "revoked";

    @Id
    @Column(name = "org_id")
    public String orgId;

    @Id
    @Column(name = "user_id")
    public String userId;

    @Id
    public int topic;

    public String status;

    @Column(name = "block_number")
    public long blockNumber;

    @Column(name = "updated_at")
    public Instant updatedAt;

    /** The composite id: one standing per subject and topic. */
    public static class Key implements Serializable {
        public String orgId;
        public String userId;
        public int topic;

        public Key() {}

        public Key(String orgId, String userId, int topic) {
            this.orgId = orgId;
            this.userId = userId;
            this.topic = topic;
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof Key key
                    && Objects.equals(orgId, key.orgId)
                    && Objects.equals(userId, key.userId)
                    && topic == key.topic;
        }

        @Override
        public int hashCode() {
            return Objects.hash(orgId, userId, topic);
        }
    }
}
