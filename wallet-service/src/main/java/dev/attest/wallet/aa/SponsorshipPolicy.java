package dev.attest.wallet.aa;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** What a project's paymaster pays for: set by the org admin, read at every sponsored operation. Amounts in wei. */
@Entity
@Table(name = "sponsorship_policy")
@IdClass(SponsorshipPolicy.Key.class)
public class SponsorshipPolicy extends PanacheEntityBase {
    @Id
    @Column(name = "org_id")
    public String orgId;

    @Id
    @Column(name = "project_id")
    public String projectId;

    public boolean enabled;

    /** {@code platform} or {@code external}. */
    @Column(name = "paymaster_kind")
    public String paymasterKind;

    @Column(name = "paymaster_url")
    public String paymasterUrl;

    /** Sealed (context {@code org:<org>/paymaster.<project>}). */
    @Column(name = "paymaster_api_key")
    public String paymasterApiKeySealed;

    @Column(name = "monthly_budget")
    public BigDecimal monthlyBudget;

    @Column(name = "user_daily_cap")
    public BigDecimal userDailyCap;

    @Column(name = "native_allowed")
    public boolean nativeAllowed;

    /** Lower case; null: any token. */
    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(name = "allowed_tokens")
    public List<String> allowedTokens;

    /** Lower case; null: any recipient. */
    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(name = "allowed_recipients")
    public List<String> allowedRecipients;

    @Column(name = "updated_at")
    public Instant updatedAt;

    @Column(name = "updated_by")
    public String updatedBy;

    /** A project without a row: nothing sponsored. */
    public static SponsorshipPolicy none(String orgId, String projectId) {
        SponsorshipPolicy policy = new SponsorshipPolicy();
        policy.orgId = orgId;
        policy.projectId = projectId;
        policy.enabled = false;
        policy.paymasterKind = PlatformPaymaster.KIND;
        policy.nativeAllowed = true;
        return policy;
    }

    /** The composite id: one policy per project. */
    public static class Key implements Serializable {
        public String orgId;
        public String projectId;

        public Key() {}

        public Key(String orgId, String projectId) {
            this.orgId = orgId;
            this.projectId = projectId;
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof Key key
                    && Objects.equals(orgId, key.orgId)
                    && Objects.equals(projectId, key.projectId);
        }

        @Override
        public int hashCode() {
            return Objects.hash(orgId, projectId);
        }
    }
}
