package dev.attest.notification.repository;

import dev.attest.notification.OrgAdmin;
import dev.attest.notification.UserProject;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.util.List;
import java.util.Optional;

/**
 * What the tenant and KYC events taught this service beyond common's tenant replica (which keeps the organizations
 * and projects): the org admins' addresses, and each user's project.
 */
@ApplicationScoped
public class TenantRepository {
    private final EntityManager em;

    TenantRepository(EntityManager em) {
        this.em = em;
    }

    public List<OrgAdmin> admins(String orgId) {
        return em.createQuery("from OrgAdmin where orgId = ?1 order by userId", OrgAdmin.class)
                .setParameter(1, orgId)
                .getResultList();
    }

    public void saveAdmin(String orgId, String userId, String email) {
        OrgAdmin admin = em.find(OrgAdmin.class, new OrgAdmin.Key(orgId, userId));
        if (admin == null) {
            admin = new OrgAdmin();
            admin.orgId = orgId;
            admin.userId = userId;
            admin.email = email;
            em.persist(admin);
        } else {
            admin.email = email;
        }
    }

    public void removeAdmin(String orgId, String userId) {
        OrgAdmin admin = em.find(OrgAdmin.class, new OrgAdmin.Key(orgId, userId));
        if (admin != null) {
            em.remove(admin);
        }
    }

    public Optional<String> projectOfUser(String orgId, String userId) {
        UserProject known = em.find(UserProject.class, new UserProject.Key(orgId, userId));
        return Optional.ofNullable(known).map(u -> u.projectId);
    }

    public void saveProjectOfUser(String orgId, String userId, String projectId) {
        UserProject known = em.find(UserProject.class, new UserProject.Key(orgId, userId));
        if (known == null) {
            known = new UserProject();
            known.orgId = orgId;
            known.userId = userId;
            known.projectId = projectId;
            em.persist(known);
        } else {
            known.projectId = projectId;
        }
    }
}
