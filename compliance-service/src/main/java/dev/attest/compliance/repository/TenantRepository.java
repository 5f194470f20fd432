package dev.attest.compliance.repository;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;

/**
 * The replica of the gateway's organizations and projects ({@code attest.tenant.v1}). Writes are upserts
 * that keep the newest event: an older event arriving late changes nothing.
 */
@ApplicationScoped
public class TenantRepository {
    private final EntityManager entities;

    TenantRepository(EntityManager entities) {
        this.entities = entities;
    }

    /** An organization as the replica knows it. */
    public record Organization(String orgId, String slug, String name) {}

    /** A project as the replica knows it. */
    public record Project(String projectId, String orgId, String environment, String kycProvider) {}

    public void upsertOrganization(Organization organization, OffsetDateTime eventTime) {
        entities.createNativeQuery("insert into tenant_organization (org_id, slug, name, event_time)"
                        + " values (?1, ?2, ?3, ?4) on conflict (org_id) do update set slug = excluded.slug,"
                        + " name = excluded.name, event_time = excluded.event_time"
                        + " where tenant_organization.event_time <= excluded.event_time")
                .setParameter(1, organization.orgId())
                .setParameter(2, organization.slug())
                .setParameter(3, organization.name())
                .setParameter(4, eventTime)
                .executeUpdate();
    }

    public void upsertProject(Project project, String name, String walletNetwork, OffsetDateTime eventTime) {
        entities.createNativeQuery("insert into tenant_project (project_id, org_id, name, environment, kyc_provider,"
                        + " wallet_network, event_time) values (?1, ?2, ?3, ?4, ?5, ?6, ?7)"
                        + " on conflict (project_id) do update set org_id = excluded.org_id, name = excluded.name,"
                        + " environment = excluded.environment, kyc_provider = excluded.kyc_provider,"
                        + " wallet_network = excluded.wallet_network, event_time = excluded.event_time"
                        + " where tenant_project.event_time <= excluded.event_time")
                .setParameter(1, project.projectId())
                .setParameter(2, project.orgId())
                .setParameter(3, name)
                .setParameter(4, project.environment())
                .setParameter(5, project.kycProvider())
                .setParameter(6, walletNetwork)
                .setParameter(7, eventTime)
                .executeUpdate();
    }

    public boolean organizationExists(String orgId) {
        return !entities.createNativeQuery("select 1 from tenant_organization where org_id = ?1")
                .setParameter(1, orgId)
                .getResultList()
                .isEmpty();
    }

    /** The id of the organization with this slug (slugs are unique at the gateway; the newest wins here). */
    @SuppressWarnings("unchecked")
    public Optional<String> orgIdOfSlug(String slug) {
        List<String> ids = entities.createNativeQuery(
                        "select org_id from tenant_organization where slug = ?1 order by event_time desc limit 1")
                .setParameter(1, slug)
                .getResultList();
        return ids.stream().findFirst();
    }

    /** The project, only if it belongs to {@code orgId}. */
    @SuppressWarnings("unchecked")
    public Optional<Project> projectOf(String orgId, String projectId) {
        List<Object[]> rows = entities.createNativeQuery("select project_id, org_id, environment, kyc_provider"
                        + " from tenant_project where org_id = ?1 and project_id = ?2")
                .setParameter(1, orgId)
                .setParameter(2, projectId)
                .getResultList();
        return rows.stream()
                .findFirst()
                .map(row -> new Project((String) row[0], (String) row[1], (String) row[2], (String) row[3]));
    }
}
