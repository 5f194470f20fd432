package dev.attest.wallet;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.Instant;

/** A user's latest KYC status as compliance-service announced it: transfers need {@code verified}. */
@Entity
@Table(name = "kyc_standing")
@IdClass(KycStanding.Key.class)
public class KycStanding {
    public static final String VERIFIED = "verified";

    @Id
    @Column(name = "org_id")
    public String orgId;

    @Id
    @Column(name = "user_id")
    public String userId;

    @Column(name = "case_id")
    public String caseId;

    public String status;
    public String level;

    @Column(name = "updated_at")
    public Instant updatedAt;

    /** The composite id: one standing per user and organization. */
    public static class Key implements Serializable {
        public String orgId;
        public String userId;

        public Key() {}

        public Key(String orgId, String userId) {
            this.orgId = orgId;
            this.userId = userId;
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof Key key
                    && java.util.Objects.equals(orgId, key.orgId)
                    && java.util.Objects.equals(userId, key.userId);
        }

        @Override
        public int hashCode() {
            return java.util.Objects.hash(orgId, userId);
        }
    }
}
