package dev.attest.compliance.repository;

import dev.attest.compliance.KycCase;
import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import java.util.Optional;
import java.util.UUID;

/** KYC cases; every query names the organization. */
@ApplicationScoped
public class KycCaseRepository implements PanacheRepositoryBase<KycCase, UUID> {

    public Optional<KycCase> findInOrg(String orgId, UUID caseId) {
        return find("orgId = ?1 and id = ?2", orgId, caseId).firstResultOptional();
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

    public PanacheQuery<KycCase> queue(String orgId, Optional<String> status) {
        Sort oldestFirst = Sort.ascending("createdAt").and("id");
        return status.map(s -> find("orgId = ?1 and status = ?2", oldestFirst, orgId, s))
                .orElseGet(() -> find("orgId = ?1", oldestFirst, orgId));
    }
}
