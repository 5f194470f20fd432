package dev.attest.wallet.tenant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** A project as the gateway announced it on {@code attest.tenant.v1}; its wallet network is what matters here. */
@Entity
@Table(name = "tenant_project")
public class TenantProject {
    @Id
    @Column(name = "project_id")
    public String projectId;

    @Column(name = "org_id")
    public String orgId;

    public String name;
    public String environment;

    @Column(name = "kyc_provider")
    public String kycProvider;

    @Column(name = "wallet_network")
    public String walletNetwork;

    @Column(name = "updated_at")
    public Instant updatedAt;
}
