package dev.attest.compliance.business;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * A beneficial owner or director of a business case: role, share and position only. The person is verified by
 * their own KYC case (user id {@link #userId()}), which alone handed their data to the provider.
 */
@Entity
@Table(name = "business_owner")
public class BusinessOwner extends PanacheEntityBase {
    /** The user id of an owner's KYC case: not a platform user, so consumers can tell them apart. */
    public static final String USER_PREFIX = "business-owner:";

    @Id
    public UUID id;

    @Column(name = "business_case_id")
    public UUID businessCaseId;

    @Column(name = "org_id")
    public String orgId;

    public int position;

    public String role;

    @Column(name = "ownership_percent")
    public BigDecimal ownershipPercent;

    @Column(name = "kyc_case_id")
    public UUID kycCaseId;

    @Column(name = "created_at")
    public OffsetDateTime createdAt;

    static BusinessOwner of(BusinessCase businessCase, int position, BusinessApplication.Owner owner) {
        BusinessOwner row = new BusinessOwner();
        row.id = UUID.randomUUID();
        row.businessCaseId = businessCase.id;
        row.orgId = businessCase.orgId;
        row.position = position;
        row.role = owner.role();
        row.ownershipPercent = owner.ownershipPercent().orElse(null);
        row.createdAt = OffsetDateTime.now();
        return row;
    }

    public String userId() {
        return USER_PREFIX + id;
    }
}
