package dev.attest.compliance.repository;

import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;
import jakarta.persistence.LockModeType;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.BiConsumer;

/** The lock, claim and queue queries KYC and business cases share: the same columns, a table each. */
public final class CaseQueries {
    private CaseQueries() {}

    /** The case, locked for this transaction: concurrent changes to it queue up. */
    public static <T> Optional<T> lockInOrg(PanacheRepositoryBase<T, UUID> cases, String orgId, UUID id) {
        return cases.find("orgId = ?1 and id = ?2", orgId, id)
                .withLock(LockModeType.PESSIMISTIC_WRITE)
                .firstResultOptional();
    }

    /** The case of the provider's reference (its inquiry or applicant), locked for this transaction. */
    public static <T> Optional<T> lockByReference(
            PanacheRepositoryBase<T, UUID> cases, String orgId, String provider, String reference) {
        return cases.find("orgId = ?1 and provider = ?2 and providerReference = ?3", orgId, provider, reference)
                .withLock(LockModeType.PESSIMISTIC_WRITE)
                .firstResultOptional();
    }

    /**
     * Claims up to {@code limit} rows of {@code waitingRows} (a table and what makes its row wait: {@code "<table>
     * where <condition>"}) that have a provider reference, were unchanged since {@code unchangedSince}, opened after
     * {@code openedAfter} and not asked about since {@code notAskedSince}, with {@code for update skip locked}; stamps
     * them asked now (through {@code stampAsked}), so that another replica's pass skips them.
     */
    @SuppressWarnings("unchecked")
    public static <T> List<T> claimWaiting(
            PanacheRepositoryBase<T, UUID> cases,
            Class<T> type,
            String waitingRows,
            OffsetDateTime unchangedSince,
            OffsetDateTime openedAfter,
            OffsetDateTime notAskedSince,
            int limit,
            BiConsumer<T, OffsetDateTime> stampAsked) {
        List<T> due = cases.getEntityManager()
                .createNativeQuery(
                        "select * from " + waitingRows + " and provider_reference is not null"
                                + " and updated_at < ?1 and created_at > ?2"
                                + " and (reconciled_at is null or reconciled_at < ?3)"
                                + " order by reconciled_at nulls first, updated_at limit ?4 for update skip locked",
                        type)
                .setParameter(1, unchangedSince)
                .setParameter(2, openedAfter)
                .setParameter(3, notAskedSince)
                .setParameter(4, limit)
                .getResultList();
        OffsetDateTime now = OffsetDateTime.now();
        due.forEach(row -> stampAsked.accept(row, now));
        return due;
    }

    /** The organization's cases, of one status or all, oldest first. */
    public static <T> PanacheQuery<T> queue(
            PanacheRepositoryBase<T, UUID> cases, String orgId, Optional<String> status) {
        Sort oldestFirst = Sort.ascending("createdAt").and("id");
        return status.map(s -> cases.find("orgId = ?1 and status = ?2", oldestFirst, orgId, s))
                .orElseGet(() -> cases.find("orgId = ?1", oldestFirst, orgId));
    }
}
