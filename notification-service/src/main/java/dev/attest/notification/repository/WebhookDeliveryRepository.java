package dev.attest.notification.repository;

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
     * Locks up to {@code limit} pending deliveries that are due. Rows another worker holds are skipped, so
     * several workers (or instances) share the work without delivering one message twice at once.
     */
    @SuppressWarnings("unchecked")
    public List<WebhookDelivery> lockDue(Instant now, int limit) {
        return getEntityManager()
                .createNativeQuery(
                        "select * from webhook_delivery where status = 'pending' and next_attempt_at <= ?1"
                                + " order by next_attempt_at, created_at limit ?2 for update skip locked",
                        WebhookDelivery.class)
                .setParameter(1, now)
                .setParameter(2, limit)
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
