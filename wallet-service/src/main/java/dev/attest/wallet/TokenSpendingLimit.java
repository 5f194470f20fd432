package dev.attest.wallet;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.math.BigDecimal;
import java.util.Objects;

/**
 * The spending policy of one ERC-20 token in an organization: its limits and approval threshold, in the
 * token's smallest unit (one token is 10^{@link #decimals} of them). Part of the org's spending policy.
 */
@Entity
@Table(name = "token_spending_limit")
@IdClass(TokenSpendingLimit.Key.class)
public class TokenSpendingLimit {
    @Id
    @Column(name = "org_id")
    public String orgId;

    /** The token's contract address, in lower case. */
    @Id
    public String contract;

    /** The token's decimals, as the admin stated them: how amounts are shown in whole tokens. */
    public int decimals;

    /** Largest amount of one transfer of this token; none means no limit. */
    @Column(name = "per_transfer_limit")
    public BigDecimal perTransferLimit;

    /** Largest sum of a user's transfers of this token per UTC day; none means no limit. */
    @Column(name = "daily_limit")
    public BigDecimal dailyLimit;

    /** Transfers of this token above it wait for an org admin's approval; none means no approval step. */
    @Column(name = "approval_threshold")
    public BigDecimal approvalThreshold;

    /** The composite id: one entry per token and organization. */
    public static class Key implements Serializable {
        public String orgId;
        public String contract;

        public Key() {}

        public Key(String orgId, String contract) {
            this.orgId = orgId;
            this.contract = contract;
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof Key key
                    && Objects.equals(orgId, key.orgId)
                    && Objects.equals(contract, key.contract);
        }

        @Override
        public int hashCode() {
            return Objects.hash(orgId, contract);
        }
    }
}
