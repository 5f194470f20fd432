package dev.attest.compliance.business;

import dev.attest.compliance.repository.CaseQueries;
import dev.attest.compliance.repository.LockableCases;
import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Business cases; every query names the organization. */
@ApplicationScoped
public class BusinessCaseRepository implements PanacheRepositoryBase<BusinessCase, UUID>, LockableCases<BusinessCase> {

    public Optional<BusinessCase> findInOrg(String orgId, UUID id) {
        return find("orgId = ?1 and id = ?2", orgId, id).firstResultOptional();
    }

    /** The case, locked for this transaction: its recomputations queue up. */
    @Override
    public Optional<BusinessCase> lockInOrg(String orgId, UUID id) {
        return CaseQueries.lockInOrg(this, orgId, id);
    }

    @Override
    public Optional<BusinessCase> lockByReference(String orgId, String provider, String reference) {
        return CaseQueries.lockByReference(this, orgId, provider, reference);
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
    public List<BusinessCase> claimWaiting(
            OffsetDateTime unchangedSince, OffsetDateTime openedAfter, OffsetDateTime notAskedSince, int limit) {
        return CaseQueries.claimWaiting(
                this,
                BusinessCase.class,
                "business_case where verification_status in ('pending', 'review') and status <> 'rejected'",
                unchangedSince,
                openedAfter,
                notAskedSince,
                limit,
                (businessCase, now) -> businessCase.reconciledAt = now);
    }

    public PanacheQuery<BusinessCase> queue(String orgId, Optional<String> status) {
        return CaseQueries.queue(this, orgId, status);
    }
}
