package dev.attest.notification.service;

import dev.attest.notification.EmailMessage;
import dev.attest.notification.OrgAdmin;
import dev.attest.notification.repository.EmailMessageRepository;
import dev.attest.notification.repository.TenantRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Records an email to every admin of an org (or to other given addresses), in the transaction of its cause; the
 * {@link EmailWorker} sends it. The record's unique key (cause, recipient, template) is why a cause never mails twice.
 */
@ApplicationScoped
public class AdminEmails {
    private final TenantRepository tenants;
    private final EmailMessageRepository emails;
    private final Clock clock;

    AdminEmails(TenantRepository tenants, EmailMessageRepository emails, Clock clock) {
        this.tenants = tenants;
        this.emails = emails;
        this.clock = clock;
    }

    /** An email the templates know: {@code templates/emails/<template>.txt} and {@code .html}. */
    public record Email(String template, String subject, Map<String, Object> model) {}

    /** @return the admins written to, so callers can tell them in-app too */
    @Transactional(Transactional.TxType.MANDATORY)
    public List<OrgAdmin> mailAdmins(String orgId, String causeId, Email email) {
        List<OrgAdmin> admins = tenants.admins(orgId);
        admins.forEach(admin -> record(orgId, causeId, admin.email, email));
        return admins;
    }

    /**
     * Records the email to addresses that are no admin of the org (the platform's security contacts); {@code orgId}
     * is what the email concerns, {@code platform} when no organization.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void mail(String orgId, String causeId, Collection<String> recipients, Email email) {
        recipients.forEach(recipient -> record(orgId, causeId, recipient, email));
    }

    private void record(String orgId, String causeId, String recipient, Email email) {
        if (emails.exists(causeId, recipient, email.template())) {
            return;
        }
        Instant now = clock.instant();
        EmailMessage message = new EmailMessage();
        message.id = UUID.randomUUID();
        message.orgId = orgId;
        message.sourceEventId = causeId;
        message.recipient = recipient;
        message.template = email.template();
        message.subject = email.subject();
        message.model = email.model();
        message.status = EmailMessage.PENDING;
        message.nextAttemptAt = now;
        message.createdAt = now;
        emails.persist(message);
    }
}
