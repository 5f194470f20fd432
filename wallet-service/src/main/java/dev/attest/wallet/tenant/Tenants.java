package dev.attest.wallet.tenant;

import io.quarkus.hibernate.orm.panache.Panache;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.Optional;

/**
 * This service's replica of the gateway's tenancy: organizations (so an org can be named by its slug, as
 * the local stack names its default organization {@code demo}) and projects (whose wallet network
 * chooses the network of their users' wallets).
 */
@ApplicationScoped
public class Tenants {

    /** The organization's id: {@code slugOrId} is a known slug, or taken as the id itself. */
    @Transactional
    public String resolveOrgId(String slugOrId) {
        return Panache.getEntityManager()
                .createQuery("select o.orgId from TenantOrganization o where o.slug = ?1", String.class)
                .setParameter(1, slugOrId)
                .getResultStream()
                .findFirst()
                .orElse(slugOrId);
    }

    /** Whether {@code slugOrId} names {@code orgId}: its id, or its slug. */
    @Transactional
    public boolean names(String slugOrId, String orgId) {
        if (slugOrId.equals(orgId)) {
            return true;
        }
        TenantOrganization org = Panache.getEntityManager().find(TenantOrganization.class, orgId);
        return org != null && slugOrId.equals(org.slug);
    }

    /** The wallet network the project {@code projectId} of {@code orgId} asks for, if it is known. */
    @Transactional(Transactional.TxType.MANDATORY)
    public Optional<String> walletNetworkOf(String orgId, String projectId) {
        if (projectId == null) {
            return Optional.empty();
        }
        return Optional.ofNullable(Panache.getEntityManager().find(TenantProject.class, projectId))
                .filter(project -> orgId.equals(project.orgId))
                .map(project -> project.walletNetwork)
                .filter(network -> !network.isBlank());
    }

    @Transactional(Transactional.TxType.MANDATORY)
    void upsertOrganization(String orgId, String slug, String name) {
        var em = Panache.getEntityManager();
        if (slug != null) {
            // A slug names one organization: one that gave it up (renamed) no longer answers to it.
            em.createQuery("update TenantOrganization o set o.slug = null where o.slug = ?1 and o.orgId <> ?2")
                    .setParameter(1, slug)
                    .setParameter(2, orgId)
                    .executeUpdate();
        }
        TenantOrganization org = em.find(TenantOrganization.class, orgId);
        boolean isNew = org == null;
        if (isNew) {
            org = new TenantOrganization();
            org.orgId = orgId;
        }
        org.slug = slug;
        org.name = name;
        org.updatedAt = Instant.now();
        if (isNew) {
            em.persist(org);
        }
    }

    @Transactional(Transactional.TxType.MANDATORY)
    void upsertProject(TenantEventsConsumer.ProjectChanged changed) {
        var em = Panache.getEntityManager();
        TenantProject project = em.find(TenantProject.class, changed.projectId());
        boolean isNew = project == null;
        if (isNew) {
            project = new TenantProject();
            project.projectId = changed.projectId();
        }
        project.orgId = changed.orgId();
        project.name = changed.name();
        project.environment = changed.environment();
        project.kycProvider = changed.kycProvider();
        project.walletNetwork = changed.walletNetwork();
        project.updatedAt = Instant.now();
        if (isNew) {
            em.persist(project);
        }
    }
}
