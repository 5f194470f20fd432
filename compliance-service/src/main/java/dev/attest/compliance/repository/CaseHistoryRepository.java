package dev.attest.compliance.repository;

import dev.attest.compliance.CaseHistoryEntry;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.UUID;

@ApplicationScoped
public class CaseHistoryRepository implements PanacheRepositoryBase<CaseHistoryEntry, Long> {

    public List<CaseHistoryEntry> ofCase(String orgId, UUID caseId) {
        return find("orgId = ?1 and caseId = ?2", Sort.ascending("id"), orgId, caseId)
                .list();
    }
}
