package dev.attest.notification.repository;

import dev.attest.notification.EmailMessage;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

@ApplicationScoped
public class EmailMessageRepository implements PanacheRepositoryBase<EmailMessage, UUID> {

    /**
     * Locks up to {@code limit} pending emails that are due; rows another worker holds are skipped, so
     * two workers never send the same email at once.
     */
    @SuppressWarnings("unchecked")
    public List<EmailMessage> lockDue(Instant now, int limit) {
        return getEntityManager()
                .createNativeQuery(
                        "select * from email_message where status = 'pending' and next_attempt_at <= ?1"
                                + " order by next_attempt_at limit ?2 for update skip locked",
                        EmailMessage.class)
                .setParameter(1, now)
                .setParameter(2, limit)
                .getResultList();
    }

    public boolean exists(String sourceEventId, String recipient, String template) {
        return count("sourceEventId = ?1 and recipient = ?2 and template = ?3", sourceEventId, recipient, template) > 0;
    }
}
