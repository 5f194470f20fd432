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
 * The latest status of a KYC or KYB case, as compliance-service announced it: a claim planned for a case already
 * rejected (the rejection overtook the wallet event, which travels on another topic) is never sent.
 */
@Entity
@Table(name = "case_standing")
@IdClass(CaseStanding.Key.class)
public class CaseStanding {
    public static final String REJECTED = "rejected";

    @Id
    @Column(name = "org_id")
    public String orgId;

    @Id
    @Column(name = "case_id")
    public String caseId;

    public String status;

    @Column(name = "updated_at")
    public Instant updatedAt;

    /** The composite id: one standing per case and organization. */
    public static class Key implements Serializable {
        public String orgId;
        public String caseId;

        public Key() {}

        public Key(String orgId, String caseId) {
            this.orgId = orgId;
            this.caseId = caseId;
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof Key key && Objects.equals(orgId, key.orgId) && Objects.equals(caseId, key.caseId);
        }

        @Override
        public int hashCode() {
            return Objects.hash(orgId, caseId);
        }
    }
}
