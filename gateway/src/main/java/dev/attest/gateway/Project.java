package dev.attest.gateway;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** A project of an organization: its environment, provider settings, rate limit, and API keys. */
@Entity
@Table(name = "project")
public class Project {
    public static final String SANDBOX = "sandbox";
    public static final String PRODUCTION = "production";

    @Id
    public UUID id;

    @Column(name = "org_id")
    public UUID orgId;

    public String name;

    /** {@code sandbox} or {@code production}; decides the prefix of the project's API keys. */
    public String environment;

    @Column(name = "kyc_provider")
    public String kycProvider;

    /** Where new KYC cases go while {@link #kycProvider} is unavailable; null: nowhere (they wait). */
    @Column(name = "kyc_fallback_provider")
    public String kycFallbackProvider;

    @Column(name = "wallet_network")
    public String walletNetwork;

    @Column(name = "rate_limit_capacity")
    public int rateLimitCapacity;

    @Column(name = "rate_limit_refill_per_second")
    public double rateLimitRefillPerSecond;

    @Column(name = "created_at")
    public Instant createdAt;

    @Column(name = "updated_at")
    public Instant updatedAt;
}
