package dev.attest.gateway.repository;

import dev.attest.gateway.Project;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

@ApplicationScoped
public class ProjectRepository implements PanacheRepositoryBase<Project, UUID> {

    /** The project, only if it belongs to {@code orgId}. */
    public Optional<Project> findInOrg(UUID orgId, UUID projectId) {
        return find("orgId = ?1 and id = ?2", orgId, projectId).firstResultOptional();
    }

    public List<Project> listByOrg(UUID orgId) {
        return list("orgId = ?1 order by createdAt, id", orgId);
    }
}
