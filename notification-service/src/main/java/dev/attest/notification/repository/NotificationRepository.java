package dev.attest.notification.repository;

import dev.attest.notification.Notification;
import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

@ApplicationScoped
public class NotificationRepository implements PanacheRepositoryBase<Notification, UUID> {

    /** A user's notifications, newest first, optionally only the unread ones. */
    public PanacheQuery<Notification> ofUser(String orgId, String userId, boolean unreadOnly) {
        String query = "orgId = :org and userId = :user" + (unreadOnly ? " and readAt is null" : "");
        return find(query, Sort.descending("seq"), Parameters.with("org", orgId).and("user", userId));
    }

    /** What a stream that last saw {@code afterSeq} missed, oldest first. */
    public List<Notification> ofUserAfter(String orgId, String userId, long afterSeq) {
        return find("orgId = ?1 and userId = ?2 and seq > ?3", Sort.ascending("seq"), orgId, userId, afterSeq)
                .list();
    }

    /** The user's newest seq, 0 if none: where a stream without Last-Event-ID starts. */
    public long latestSeq(String orgId, String userId) {
        Long latest = getEntityManager()
                .createQuery("select max(seq) from Notification where orgId = ?1 and userId = ?2", Long.class)
                .setParameter(1, orgId)
                .setParameter(2, userId)
                .getSingleResult();
        return latest == null ? 0 : latest;
    }

    public Optional<Notification> ofUser(String orgId, String userId, UUID id) {
        return find("id = ?1 and orgId = ?2 and userId = ?3", id, orgId, userId).firstResultOptional();
    }

    public int markAllRead(String orgId, String userId, Instant at) {
        return update("readAt = ?1 where orgId = ?2 and userId = ?3 and readAt is null", at, orgId, userId);
    }
}
