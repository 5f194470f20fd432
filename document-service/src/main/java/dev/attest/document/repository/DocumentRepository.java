package dev.attest.document.repository;

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

    /** Documents due for their next storage step, locked so that no other pass takes them ({@code skip locked}). */
    @SuppressWarnings("unchecked")
    public List<Document> lockDue(Instant now, int limit) {
        return getEntityManager()
                .createNativeQuery(
                        "select * from document where state in ('received', 'stored') and next_attempt_at <= ?1"
                                + " order by next_attempt_at limit ?2 for update skip locked",
                        Document.class)
                .setParameter(1, now)
                .setParameter(2, limit)
                .getResultList();
    }
}
