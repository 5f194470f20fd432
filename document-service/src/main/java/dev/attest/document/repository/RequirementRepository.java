package dev.attest.document.repository;

import dev.attest.document.DocumentRequirement;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

@ApplicationScoped
public class RequirementRepository implements PanacheRepositoryBase<DocumentRequirement, UUID> {

    public List<DocumentRequirement> of(String orgId, String projectId) {
        return list("orgId = ?1 and projectId = ?2 order by position", orgId, projectId);
    }

    public Optional<DocumentRequirement> of(String orgId, String projectId, String kind) {
        return find("orgId = ?1 and projectId = ?2 and kind = ?3", orgId, projectId, kind)
                .firstResultOptional();
    }

    public long deleteOf(String orgId, String projectId) {
        return delete("orgId = ?1 and projectId = ?2", orgId, projectId);
    }
}
