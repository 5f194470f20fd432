package dev.attest.compliance.business;

import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Business cases; every query names the organization. */
@ApplicationScoped
public class BusinessCaseRepository implements PanacheRepositoryBase<BusinessCase, UUID> {

    public Optional<BusinessCase> findInOrg(String orgId, UUID id) {
        return find("orgId = ?1 and id = ?2", orgId, id).firstResultOptional();
    }

    /** The case, locked for this transaction: its recomputations queue up. */
    public Optional<BusinessCase> lockInOrg(String orgId, UUID id) {
        return find("orgId = ?1 and id = ?2", orgId, id)
                .withLock(LockModeType.PESSIMISTIC_WRITE)
                .firstResultOptional();
    }

    public Optional<BusinessCase> lockByReference(String orgId, String provider, String reference) {
        return find("orgId = ?1 and provider = ?2 and providerReference = ?3", orgId, provider, reference)
                .withLock(LockModeType.PESSIMISTIC_WRITE)
                .firstResultOptional();
    }

    /** The company's case in the project that is not rejected (the unique index allows one). */
    public Optional<BusinessCase> findOpen(
            String orgId, Optional<String> projectId, String countryCode, String registrationNumber) {
        return find(
                        "orgId = ?1 and coalesce(projectId, '') = ?2 and countryCode = ?3"
                                + " and registrationNumber = ?4 and status <> 'rejected'",
                        orgId,
                        projectId.orElse(""),
                        countryCode,
                        registrationNumber)
                .firstResultOptional();
    }

    public List<BusinessCase> ofRepresentative(String orgId, String userId) {
        return list(
                "orgId = ?1 and representativeUserId = ?2",
                Sort.descending("createdAt").and("id"),
                orgId,
                userId);
    }

    /**
     * Claims up to {@code limit} business cases whose own verification has been waiting (pending or in review, case
     * unchanged since {@code unchangedSince}, opened after {@code openedAfter}) and was not asked about since {@code
     * notAskedSince}: stamps them asked, so that another replica's pass skips them.
     */
    @SuppressWarnings("unchecked")
    public List<BusinessCase> claimWaiting(
            OffsetDateTime unchangedSince, OffsetDateTime openedAfter, OffsetDateTime notAskedSince, int limit) {
        List<BusinessCase> due = getEntityManager()
                .createNativeQuery(
                        "select * from business_case where verification_status in ('pending', 'review')"
                                + " and status <> 'rejected' and provider_reference is not null"
                                + " and updated_at < ?1 and created_at > ?2"
                                + " and (reconciled_at is null or reconciled_at < ?3)"
                                + " order by reconciled_at nulls first, updated_at limit ?4 for update skip locked",
                        BusinessCase.class)
                .setParameter(1, unchangedSince)
                .setParameter(2, openedAfter)
                .setParameter(3, notAskedSince)
                .setParameter(4, limit)
                .getResultList();
        OffsetDateTime now = OffsetDateTime.now();
        due.forEach(businessCase -> businessCase.reconciledAt = now);
        return due;
    }

    public PanacheQuery<BusinessCase> queue(String orgId, Optional<String> status) {
        Sort oldestFirst = Sort.ascending("createdAt").and("id");
        return status.map(s -> find("orgId = ?1 and status = ?2", oldestFirst, orgId, s))
                .orElseGet(() -> find("orgId = ?1", oldestFirst, orgId));
    }
}
