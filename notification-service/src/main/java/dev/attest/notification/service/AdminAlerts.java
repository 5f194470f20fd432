package dev.attest.notification.service;

import dev.attest.notification.OrgAdmin;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.Map;

/** Alerts (the critical ones, security incidents) reach every admin of the org twice over: by email and in-app. */
@ApplicationScoped
public class AdminAlerts {
    static final String TEMPLATE = "critical-alert";

    private final AdminEmails emails;
    private final InAppNotifications inApp;

    AdminAlerts(AdminEmails emails, InAppNotifications inApp) {
        this.emails = emails;
        this.inApp = inApp;
    }

    /**
     * @param causeId what caused the alert (an event id), so the same cause never alerts twice
     * @param type the in-app notification type, e.g. {@code webhook.endpoint-disabled}
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void critical(String orgId, String causeId, String type, String title, String detail, String link) {
        AdminEmails.Email email = new AdminEmails.Email(
                TEMPLATE, "[Attest] " + title, Map.of("title", title, "detail", detail, "link", link));
        alert(orgId, causeId, email, new InAppNotifications.Content(type, title + ". " + detail, link));
    }

    /** An alert whose email has a template of its own: every admin of the org gets it, and {@code content} in-app. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void alert(String orgId, String causeId, AdminEmails.Email email, InAppNotifications.Content content) {
        List<OrgAdmin> admins = emails.mailAdmins(orgId, causeId, email);
        admins.forEach(admin -> inApp.notify(orgId, admin.userId, content, causeId));
    }
}
