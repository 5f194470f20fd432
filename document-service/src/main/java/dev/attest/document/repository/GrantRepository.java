package dev.attest.document.repository;

import dev.attest.document.KeyGrant;
import dev.attest.document.KeyRelease;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

@ApplicationScoped
public class GrantRepository implements PanacheRepositoryBase<KeyGrant, UUID> {

    public Optional<KeyGrant> of(UUID documentId, String subject) {
        return find("documentId = ?1 and subject = ?2", documentId, subject).firstResultOptional();
    }

    public List<KeyGrant> ofDocuments(List<UUID> documentIds) {
        return list("documentId in ?1", documentIds);
    }

    public void record(KeyRelease release) {
        getEntityManager().persist(release);
    }

    public List<KeyRelease> releases(String orgId, UUID documentId) {
        return getEntityManager()
                .createQuery("from KeyRelease where orgId = ?1 and documentId = ?2 order by id", KeyRelease.class)
                .setParameter(1, orgId)
                .setParameter(2, documentId)
                .getResultList();
    }
}
