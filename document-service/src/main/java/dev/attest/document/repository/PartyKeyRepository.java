package dev.attest.document.repository;

import dev.attest.document.PartyKey;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

@ApplicationScoped
public class PartyKeyRepository implements PanacheRepositoryBase<PartyKey, UUID> {

    public Optional<PartyKey> of(String orgId, String subject) {
        return find("orgId = ?1 and subject = ?2", orgId, subject).firstResultOptional();
    }

    public List<PartyKey> reviewers(String orgId) {
        return list("orgId = ?1 and reviewer = true order by subject", orgId);
    }
}
