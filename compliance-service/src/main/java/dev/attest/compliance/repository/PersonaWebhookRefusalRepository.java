package dev.attest.compliance.repository;

import dev.attest.compliance.PersonaWebhookRefusal;
import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;

@ApplicationScoped
public class PersonaWebhookRefusalRepository implements PanacheRepositoryBase<PersonaWebhookRefusal, Long> {
    /** Refusals kept per organization (and for unknown ones together): unauthenticated traffic stays bounded. */
    public static final int KEPT = 1000;

    /** Records a refusal and forgets the oldest beyond {@link #KEPT} of the same organization. */
    public void record(PersonaWebhookRefusal refusal) {
        persist(refusal);
        flush();
        getEntityManager()
                .createNativeQuery("delete from persona_webhook_refusal where id in (select id from"
                        + " persona_webhook_refusal where org_id is not distinct from ?1 order by id desc offset ?2)")
                .setParameter(1, refusal.orgId)
                .setParameter(2, KEPT)
                .executeUpdate();
    }

    /** Newest first; an empty organization means the refusals for paths naming no known organization. */
    public PanacheQuery<PersonaWebhookRefusal> of(Optional<String> orgId) {
        Sort newestFirst = Sort.descending("receivedAt").and("id", Sort.Direction.Descending);
        return orgId.map(org -> find("orgId = ?1", newestFirst, org))
                .orElseGet(() -> find("orgId is null", newestFirst));
    }
}
