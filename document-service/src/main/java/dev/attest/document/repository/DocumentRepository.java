package dev.attest.document.repository;

import dev.attest.common.tenant.Tenants;
import dev.attest.document.Document;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

@ApplicationScoped
public class DocumentRepository implements PanacheRepositoryBase<Document, UUID> {

    public Optional<Document> inOrg(String orgId, UUID id) {
        return find("orgId = ?1 and id = ?2", orgId, id).firstResultOptional();
    }

    public Optional<Document> lockInOrg(String orgId, UUID id) {
        return find("orgId = ?1 and id = ?2", orgId, id)
                .withLock(LockModeType.PESSIMISTIC_WRITE)
                .firstResultOptional();
    }

    public List<Document> ofCase(UUID caseId) {
        return list("caseId = ?1 order by createdAt", caseId);
    }

    /**
     * Documents due for their next storage step, locked so that no other pass takes them ({@code skip locked}). A
     * received document of a suspended organization or project (common's tenant replica) is not due: posting it to
     * Arweave spends the platform's AR (issue 20, no new provider calls); it waits, with no attempt counted, until
     * the tenant is reactivated. A stored one is still confirmed: that only reads what was paid for.
     */
    @SuppressWarnings("unchecked")
    public List<Document> lockDue(Instant now, int limit) {
        return getEntityManager()
                .createNativeQuery(
                        "select d.* from document d where d.next_attempt_at <= ?1 and (d.state = 'stored'"
                                + " or (d.state = 'received' and " + NOT_SUSPENDED + "))"
                                + " order by d.next_attempt_at limit ?2 for update of d skip locked",
                        Document.class)
                .setParameter(1, now)
                .setParameter(2, limit)
                .getResultList();
    }

    /** A document's project is its case's. */
    private static final String NOT_SUSPENDED =
            Tenants.notSuspendedSql("d.org_id", "(select c.project_id from document_case c where c.id = d.case_id)");
}
