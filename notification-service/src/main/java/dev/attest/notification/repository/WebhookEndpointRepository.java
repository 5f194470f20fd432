package dev.attest.notification.repository;

import dev.attest.notification.WebhookEndpoint;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

@ApplicationScoped
public class WebhookEndpointRepository implements PanacheRepositoryBase<WebhookEndpoint, UUID> {

    public List<WebhookEndpoint> ofProject(String orgId, String projectId) {
        return find("orgId = ?1 and projectId = ?2", Sort.ascending("createdAt"), orgId, projectId)
                .list();
    }

    public List<WebhookEndpoint> enabledOfProject(String orgId, String projectId) {
        return find("orgId = ?1 and projectId = ?2 and enabled = true", orgId, projectId)
                .list();
    }

    /** The projects of the org with at least one enabled endpoint: those an event of the whole org can reach. */
    public List<String> projectsWithEnabledEndpoints(String orgId) {
        return getEntityManager()
                .createQuery(
                        "select distinct projectId from WebhookEndpoint where orgId = ?1 and enabled = true"
                                + " order by projectId",
                        String.class)
                .setParameter(1, orgId)
                .getResultList();
    }

    /** The endpoint, if it belongs to this org and project: another tenant's id is simply not found. */
    public Optional<WebhookEndpoint> ofProject(String orgId, String projectId, UUID id) {
        return find("id = ?1 and orgId = ?2 and projectId = ?3", id, orgId, projectId)
                .firstResultOptional();
    }
}
