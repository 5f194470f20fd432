package dev.attest.notification.repository;

import dev.attest.common.tenant.Tenants;
import dev.attest.notification.WebhookAttempt;
import dev.attest.notification.WebhookDelivery;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

@ApplicationScoped
public class WebhookDeliveryRepository implements PanacheRepositoryBase<WebhookDelivery, UUID> {

    /**
     * Locks up to {@code limit} pending deliveries that are due, taking turns between endpoints: first the
     * oldest due delivery of every endpoint, then the second, and so on, and never more of one endpoint than
     * its rate limit lets out in a second. So a backlog at one endpoint cannot fill a worker pass and hold
     * up the others. Rows another worker holds are skipped, so several workers (or instances) share the
     * work without delivering one message twice at once.
     *
     * <p>Deliveries to the endpoints of a suspended organization or project (issue 20: common's tenant replica,
     * {@code Tenants.notSuspendedSql}) are not due: they wait, pending, with their schedule and
     * attempts as they are, take no turn and no rate-limit token, and are due again as soon as the tenant is
     * reactivated. An organization or project the replica does not know is not suspended.
     */
    @SuppressWarnings("unchecked")
    public List<WebhookDelivery> lockDue(Instant now, int limit, int defaultRateLimit) {
        return getEntityManager()
                .createNativeQuery(
                        """
                        select * from webhook_delivery
                        where id in (
                            select id from (
                                select d.id, d.next_attempt_at, d.created_at,
                                       row_number() over (partition by d.endpoint_id
                                                          order by d.next_attempt_at, d.created_at) as turn,
                                       coalesce(e.rate_limit, ?3) as per_second
                                from webhook_delivery d join webhook_endpoint e on e.id = d.endpoint_id
                                where d.status = 'pending' and d.next_attempt_at <= ?1
                                  and %s) due
                            where turn <= per_second
                            order by turn, next_attempt_at, created_at
                            limit ?2)
                          and status = 'pending' and next_attempt_at <= ?1
                        for update skip locked"""
                                .formatted(Tenants.notSuspendedSql("e.org_id", "e.project_id")),
                        WebhookDelivery.class)
                .setParameter(1, now)
                .setParameter(2, limit)
                .setParameter(3, defaultRateLimit)
                .getResultList();
    }

    public List<WebhookDelivery> ofEndpoint(UUID endpointId, int page, int size) {
        return find("endpointId", Sort.descending("createdAt"), endpointId)
                .page(page, size)
                .list();
    }

    public Optional<WebhookDelivery> of(UUID endpointId, String messageId) {
        return find("endpointId = ?1 and messageId = ?2", endpointId, messageId).firstResultOptional();
    }

    public List<WebhookDelivery> failedSince(UUID endpointId, Instant since) {
        return find("endpointId = ?1 and status = ?2 and createdAt >= ?3", endpointId, WebhookDelivery.FAILED, since)
                .list();
    }

    /** Pending deliveries of an endpoint: what a disabled endpoint leaves undelivered. */
    public List<WebhookDelivery> pendingOf(UUID endpointId) {
        return find("endpointId = ?1 and status = ?2", endpointId, WebhookDelivery.PENDING)
                .list();
    }

    public List<WebhookAttempt> attemptsOf(UUID deliveryId) {
        return getEntityManager()
                .createQuery("from WebhookAttempt where deliveryId = ?1 order by attemptedAt", WebhookAttempt.class)
                .setParameter(1, deliveryId)
                .getResultList();
    }

    public void persistAttempt(WebhookAttempt attempt) {
        getEntityManager().persist(attempt);
    }
}
