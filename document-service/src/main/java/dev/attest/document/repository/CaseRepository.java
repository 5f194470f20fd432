package dev.attest.document.repository;

import dev.attest.document.DocumentCase;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Page;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

@ApplicationScoped
public class CaseRepository implements PanacheRepositoryBase<DocumentCase, UUID> {

    public Optional<DocumentCase> inOrg(String orgId, UUID id) {
        return find("orgId = ?1 and id = ?2", orgId, id).firstResultOptional();
    }

    public Optional<DocumentCase> lockInOrg(String orgId, UUID id) {
        return find("orgId = ?1 and id = ?2", orgId, id)
                .withLock(LockModeType.PESSIMISTIC_WRITE)
                .firstResultOptional();
    }

    public Optional<DocumentCase> of(String orgId, String projectId, String userId) {
        return find("orgId = ?1 and projectId = ?2 and userId = ?3", orgId, projectId, userId)
                .firstResultOptional();
    }

    /**
     * Inserts {@code opened} unless the user already has a case for the project; true when it was inserted. Two
     * concurrent first requests meet at the unique key: the second waits for the first to commit and inserts nothing.
     */
    public boolean insertIfAbsent(DocumentCase opened) {
        return getEntityManager()
                        .createNativeQuery(
                                "insert into document_case (id, org_id, project_id, user_id, state, opened_at)"
                                        + " values (?1, ?2, ?3, ?4, ?5, ?6)"
                                        + " on conflict (org_id, project_id, user_id) do nothing")
                        .setParameter(1, opened.id)
                        .setParameter(2, opened.orgId)
                        .setParameter(3, opened.projectId)
                        .setParameter(4, opened.userId)
                        .setParameter(5, opened.state)
                        .setParameter(6, opened.openedAt)
                        .executeUpdate()
                == 1;
    }

    public List<DocumentCase> inState(String orgId, String state, int page, int size) {
        return find("orgId = ?1 and state = ?2 order by openedAt", orgId, state)
                .page(Page.of(page, size))
                .list();
    }
}
