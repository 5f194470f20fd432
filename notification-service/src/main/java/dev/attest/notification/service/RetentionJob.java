package dev.attest.notification.service;

import dev.attest.notification.config.NotificationConfig;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.time.Clock;
import java.time.Instant;
import org.jboss.logging.Logger;

/**
 * Deletes what is no longer needed: read notifications, finished webhook messages (with their deliveries
 * and attempts) and finished emails older than their retention. Nothing pending is ever deleted. Deletes
 * run in batches, each in its own short transaction, so a large backlog never holds long locks.
 */
@ApplicationScoped
public class RetentionJob {
    private static final Logger LOG = Logger.getLogger(RetentionJob.class);
    private static final int BATCH = 1000;

    private static final String READ_NOTIFICATIONS = "delete from notification where id in (select id from"
            + " notification where read_at is not null and read_at < ?1 limit " + BATCH + ")";
    /** Messages old enough none of whose deliveries is still pending: first their deliveries (attempts cascade). */
    private static final String FINISHED_DELIVERIES = "delete from webhook_delivery where message_id in (select m.id"
            + " from webhook_message m where m.created_at < ?1 and not exists (select 1 from webhook_delivery p"
            + " where p.message_id = m.id and p.status = 'pending') limit " + BATCH + ")";

    private static final String MESSAGES_WITHOUT_DELIVERIES = "delete from webhook_message where id in (select m.id"
            + " from webhook_message m where m.created_at < ?1 and not exists (select 1 from webhook_delivery d"
            + " where d.message_id = m.id) limit " + BATCH + ")";
    private static final String FINISHED_EMAILS = "delete from email_message where id in (select id from"
            + " email_message where status <> 'pending' and created_at < ?1 limit " + BATCH + ")";

    /** What one purge deleted. */
    public record Purged(int notifications, int webhookDeliveries, int webhookMessages, int emails) {}

    private final EntityManager em;
    private final NotificationConfig config;
    private final Clock clock;

    RetentionJob(EntityManager em, NotificationConfig config, Clock clock) {
        this.em = em;
        this.config = config;
        this.clock = clock;
    }

    @Scheduled(
            every = "${attest.notification.retention.interval:1h}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void scheduled() {
        Purged purged = purge();
        if (!purged.equals(new Purged(0, 0, 0, 0))) {
            LOG.infof("retention: deleted %s", purged);
        }
    }

    public Purged purge() {
        Instant now = clock.instant();
        NotificationConfig.Retention retention = config.retention();
        Instant webhookCutoff = now.minus(retention.webhookMessages());
        return new Purged(
                deleteAll(READ_NOTIFICATIONS, now.minus(retention.readNotifications())),
                deleteAll(FINISHED_DELIVERIES, webhookCutoff),
                deleteAll(MESSAGES_WITHOUT_DELIVERIES, webhookCutoff),
                deleteAll(FINISHED_EMAILS, now.minus(retention.emails())));
    }

    private int deleteAll(String statement, Instant cutoff) {
        int total = 0;
        int deleted;
        do {
            deleted = QuarkusTransaction.requiringNew().call(() -> em.createNativeQuery(statement)
                    .setParameter(1, cutoff)
                    .executeUpdate());
            total += deleted;
        } while (deleted == BATCH);
        return total;
    }
}
