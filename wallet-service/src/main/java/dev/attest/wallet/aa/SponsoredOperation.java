package dev.attest.wallet.aa;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

/**
 * One UserOperation a paymaster approved for a project: {@code reserved} at its most until its receipt
 * {@code settled} it at what it cost, or its approval lapsed unused and {@code released} it.
 */
@Entity
@Table(name = "sponsored_operation")
public class SponsoredOperation extends PanacheEntityBase {
    public static final String RESERVED = "reserved";
    public static final String SETTLED = "settled";
    public static final String RELEASED = "released";

    @Id
    @Column(name = "user_op_hash")
    public String userOpHash;

    @Column(name = "org_id")
    public String orgId;

    @Column(name = "project_id")
    public String projectId;

    @Column(name = "user_id")
    public String userId;

    public String sender;

    /** Null for an operation approved through the ERC-7677 endpoint for the organization's own application. */
    @Column(name = "transfer_id")
    public UUID transferId;

    @Column(name = "paymaster_kind")
    public String paymasterKind;

    public String status;

    @Column(name = "max_cost")
    public BigDecimal maxCost;

    @Column(name = "gas_cost")
    public BigDecimal gasCost;

    public Boolean success;

    @Column(name = "tx_hash")
    public String txHash;

    @Column(name = "valid_until")
    public Instant validUntil;

    @Column(name = "created_at")
    public Instant createdAt;

    @Column(name = "settled_at")
    public Instant settledAt;
}
