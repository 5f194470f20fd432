package dev.attest.gateway.repository;

import dev.attest.gateway.Organization;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

@ApplicationScoped
public class OrganizationRepository implements PanacheRepositoryBase<Organization, UUID> {

    public Optional<Organization> findBySlug(String slug) {
        return find("slug", slug).firstResultOptional();
    }

    public List<Organization> listByIds(Collection<UUID> ids) {
        return ids.isEmpty() ? List.of() : list("id in ?1 order by slug", ids);
    }

    public List<Organization> listAllBySlug() {
        return list("order by slug");
    }
}
