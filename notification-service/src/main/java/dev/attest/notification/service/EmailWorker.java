package dev.attest.notification.service;

import dev.attest.common.work.DurableWork;
import dev.attest.common.work.RetrySchedule;
import dev.attest.common.work.Workers;
import dev.attest.notification.EmailMessage;
import dev.attest.notification.config.NotificationConfig;
import dev.attest.notification.repository.EmailMessageRepository;
import io.quarkus.mailer.Mail;
import io.quarkus.mailer.Mailer;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.qute.Engine;
import io.quarkus.qute.TemplateInstance;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jboss.logging.Logger;

/**
 * Sends the recorded admin emails over SMTP. Each one is locked while it is sent (so two workers never
 * send it at once), marked sent in the same transaction, and rescheduled on an SMTP failure (by
 * {@code email.retry-schedule}). A durable work run by {@link Workers}.
 */
@ApplicationScoped
public class EmailWorker implements DurableWork {
    public static final String NAME = "admin-email";
    private static final Logger LOG = Logger.getLogger(EmailWorker.class);
    private static final int BATCH = 20;

    private final EmailMessageRepository emails;
    private final Mailer mailer;
    private final Engine templates;
    private final Clock clock;
    private final NotificationConfig config;
    private final RetrySchedule retries;

    EmailWorker(
            EmailMessageRepository emails, Mailer mailer, Engine templates, Clock clock, NotificationConfig config) {
        this.emails = emails;
        this.mailer = mailer;
        this.templates = templates;
        this.clock = clock;
        this.config = config;
        this.retries = new RetrySchedule(config.email().retrySchedule());
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Duration pollInterval() {
        return config.email().pollInterval();
    }

    @Override
    public Pass runPass() {
        return QuarkusTransaction.requiringNew().call(() -> {
            List<EmailMessage> due = emails.lockDue(clock.instant(), BATCH);
            int sent = 0;
            for (EmailMessage email : due) {
                if (send(email)) {
                    sent++;
                }
            }
            return new Pass(sent, due.size() == BATCH);
        });
    }

    /** Sends a batch of due emails; returns how many were sent. */
    public int sendDue() {
        return runPass().handled();
    }

    private boolean send(EmailMessage email) {
        Instant now = clock.instant();
        email.attempts++;
        try {
            Mail mail = Mail.withText(email.recipient, email.subject, render(email, "txt"))
                    .setHtml(render(email, "html"))
                    .setFrom(config.email().from())
                    // A stable Message-ID lets a mail system drop the copy a crash after sending could cause.
                    .addHeader("Message-ID", "<" + email.id + "@attest.notifications>");
            mailer.send(mail);
            email.status = EmailMessage.SENT;
            email.sentAt = now;
            email.lastError = null;
            return true;
        } catch (RuntimeException e) {
            email.lastError = e.getClass().getSimpleName();
            Optional<Instant> next = retries.next(email.attempts, now);
            if (next.isEmpty()) {
                email.status = EmailMessage.FAILED;
                LOG.errorf("email %s (%s) failed for good after %d attempts", email.id, email.template, email.attempts);
            } else {
                email.nextAttemptAt = next.get();
                LOG.warnf("email %s (%s) failed, retrying at %s", email.id, email.template, email.nextAttemptAt);
            }
            return false;
        }
    }

    private String render(EmailMessage email, String extension) {
        TemplateInstance instance = templates
                .getTemplate("emails/" + email.template + "." + extension)
                .instance();
        for (Map.Entry<String, Object> entry : email.model.entrySet()) {
            instance.data(entry.getKey(), entry.getValue());
        }
        instance.data("console_url", config.email().consoleUrl());
        return instance.render();
    }
}
