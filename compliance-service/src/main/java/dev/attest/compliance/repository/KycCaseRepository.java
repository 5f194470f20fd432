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
public class KycCaseRepository implements PanacheRepositoryBase<KycCase, UUID> {

    public Optional<KycCase> findInOrg(String orgId, UUID caseId) {
        return find("orgId = ?1 and id = ?2", orgId, caseId).firstResultOptional();
    }

    /** The case, locked until the transaction ends (it must exist: callers hold its id from a commit). */
    public KycCase lockById(UUID caseId) {
        return findByIdOptional(caseId, LockModeType.PESSIMISTIC_WRITE).orElseThrow();
    }

    /** The case, locked for this transaction: concurrent changes to it queue up. */
    public Optional<KycCase> lockInOrg(String orgId, UUID caseId) {
        return find("orgId = ?1 and id = ?2", orgId, caseId)
                .withLock(LockModeType.PESSIMISTIC_WRITE)
                .firstResultOptional();
    }

    public Optional<KycCase> lockByReference(String orgId, String provider, String reference) {
        return find("orgId = ?1 and provider = ?2 and providerReference = ?3", orgId, provider, reference)
                .withLock(LockModeType.PESSIMISTIC_WRITE)
                .firstResultOptional();
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
    @SuppressWarnings("unchecked")
    public List<KycCase> claimWaiting(
            OffsetDateTime unchangedSince, OffsetDateTime openedAfter, OffsetDateTime notAskedSince, int limit) {
        List<KycCase> due = getEntityManager()
                .createNativeQuery(
                        "select * from kyc_case where status in ('pending', 'review') and provider_reference is not null"
                                + " and updated_at < ?1 and created_at > ?2"
                                + " and (reconciled_at is null or reconciled_at < ?3)"
                                + " order by reconciled_at nulls first, updated_at limit ?4 for update skip locked",
                        KycCase.class)
                .setParameter(1, unchangedSince)
                .setParameter(2, openedAfter)
                .setParameter(3, notAskedSince)
                .setParameter(4, limit)
                .getResultList();
        OffsetDateTime now = OffsetDateTime.now();
        due.forEach(kycCase -> kycCase.reconciledAt = now);
        return due;
    }

    public PanacheQuery<KycCase> queue(String orgId, Optional<String> status) {
        Sort oldestFirst = Sort.ascending("createdAt").and("id");
        return status.map(s -> find("orgId = ?1 and status = ?2", oldestFirst, orgId, s))
                .orElseGet(() -> find("orgId = ?1", oldestFirst, orgId));
    }
}
