package dev.attest.compliance.repository;

import dev.attest.compliance.KycCase;
import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** KYC cases; every query names the organization. */
@ApplicationScoped
public class KycCaseRepository implements PanacheRepositoryBase<KycCase, UUID>, LockableCases<KycCase> {

    public Optional<KycCase> findInOrg(String orgId, UUID caseId) {
        return find("orgId = ?1 and id = ?2", orgId, caseId).firstResultOptional();
    }

    /** The case, locked until the transaction ends (it must exist: callers hold its id from a commit). */
    public KycCase lockById(UUID caseId) {
        return findByIdOptional(caseId, LockModeType.PESSIMISTIC_WRITE).orElseThrow();
    }

    /** The case, locked for this transaction: concurrent changes to it queue up. */
    @Override
    public Optional<KycCase> lockInOrg(String orgId, UUID caseId) {
        return CaseQueries.lockInOrg(this, orgId, caseId);
    }

    @Override
    public Optional<KycCase> lockByReference(String orgId, String provider, String reference) {
        return CaseQueries.lockByReference(this, orgId, provider, reference);
    }

    /** The user's case that is not rejected (at most one exists). */
    public Optional<KycCase> findOpen(String orgId, String userId) {
        return find("orgId = ?1 and userId = ?2 and status <> 'rejected'", orgId, userId)
                .firstResultOptional();
    }

    /** The user's most recent case, whatever its status. */
    public Optional<KycCase> findLatest(String orgId, String userId) {
        return find("orgId = ?1 and userId = ?2", Sort.descending("createdAt"), orgId, userId)
                .firstResultOptional();
    }

    /**
     * Claims up to {@code limit} cases that have been waiting (pending or in review, unchanged since
     * {@code unchangedSince}, opened after {@code openedAfter}) and were not asked about since
     * {@code notAskedSince}: stamps them asked, so that another replica's pass skips them.
     */
    public List<KycCase> claimWaiting(
            OffsetDateTime unchangedSince, OffsetDateTime openedAfter, OffsetDateTime notAskedSince, int limit) {
        return CaseQueries.claimWaiting(
                this,
                KycCase.class,
                "kyc_case where status in ('pending', 'review')",
                unchangedSince,
                openedAfter,
                notAskedSince,
                limit,
                (kycCase, now) -> kycCase.reconciledAt = now);
    }

    public PanacheQuery<KycCase> queue(String orgId, Optional<String> status) {
        return CaseQueries.queue(this, orgId, status);
    }
}
