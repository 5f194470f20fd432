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

    public List<DocumentCase> inState(String orgId, String state, int page, int size) {
        return find("orgId = ?1 and state = ?2 order by openedAt", orgId, state)
                .page(Page.of(page, size))
                .list();
    }
}
