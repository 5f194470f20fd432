package dev.attest.gateway.repository;

import dev.attest.gateway.ApiKey;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

@ApplicationScoped
public class ApiKeyRepository implements PanacheRepositoryBase<ApiKey, UUID> {

    public Optional<ApiKey> findByHash(String keyHash) {
        return find("keyHash", keyHash).firstResultOptional();
    }

    /** The key, only if it belongs to {@code projectId} of {@code orgId}. */
    public Optional<ApiKey> findInProject(UUID orgId, UUID projectId, UUID keyId) {
        return find("orgId = ?1 and projectId = ?2 and id = ?3", orgId, projectId, keyId)
                .firstResultOptional();
    }

    public List<ApiKey> listByProject(UUID orgId, UUID projectId) {
        return list("orgId = ?1 and projectId = ?2 order by createdAt, id", orgId, projectId);
    }
}
