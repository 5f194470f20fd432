package dev.attest.wallet.tenant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** An organization as the gateway announced it on {@code attest.tenant.v1}. */
@Entity
@Table(name = "tenant_organization")
public class TenantOrganization {
    @Id
    @Column(name = "org_id")
    public String orgId;

    public String slug;
    public String name;

    @Column(name = "updated_at")
    public Instant updatedAt;
}
