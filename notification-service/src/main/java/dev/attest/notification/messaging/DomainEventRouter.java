package dev.attest.notification.messaging;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.attest.common.inbox.IncomingEvent;
import dev.attest.common.inbox.PoisonEventException;
import dev.attest.contracts.EventTypes;
import dev.attest.notification.messaging.in.UserEvent;
import dev.attest.notification.repository.TenantRepository;
import dev.attest.notification.service.AdminAlerts;
import dev.attest.notification.service.AdminEmails;
import dev.attest.notification.service.InAppNotifications;
import dev.attest.notification.webhook.WebhookFanout;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What a KYC, wallet, identity or document event causes here, all in the transaction of the inbox: the user's
 * in-app notification, the admins' emails, and the project's webhook message.
 */
@ApplicationScoped
public class DomainEventRouter {
    /**
     * Types sent to webhook endpoints: the domain events of a project, never tenant internals. Not
     * {@code claim-recorded}: it repeats {@code claim-issued} (docs/events.md, Webhooks). A security incident is an
     * organization's, not a user's: {@link SecurityIncidentAlerts} sends it, never {@link #route}.
     */
    static final Set<String> WEBHOOK_TYPES = Set.of(
            EventTypes.Kyc.CASE_OPENED,
            EventTypes.Kyc.STATUS_CHANGED,
            EventTypes.Kyc.BUSINESS_CASE_OPENED,
            EventTypes.Kyc.BUSINESS_STATUS_CHANGED,
            EventTypes.Wallet.PROVISIONED,
            EventTypes.Wallet.PROVISIONING_FAILED,
            EventTypes.Wallet.TRANSFER_STATUS_CHANGED,
            EventTypes.Identity.CREATED,
            EventTypes.Identity.CLAIM_ISSUED,
            EventTypes.Identity.CLAIM_REVOKED,
            EventTypes.Identity.CLAIM_ISSUANCE_FAILED,
            EventTypes.Document.STORED,
            EventTypes.Document.CONFIRMED,
            EventTypes.Document.STORAGE_FAILED,
            EventTypes.Document.CASE_DECIDED,
            EventTypes.Security.INCIDENT_OPENED);

    private final ObjectMapper mapper;
    private final TenantRepository tenants;
    private final InAppNotifications inApp;
    private final AdminEmails emails;
    private final AdminAlerts alerts;
    private final WebhookFanout webhooks;
    private final Clock clock;

    DomainEventRouter(
            ObjectMapper mapper,
            TenantRepository tenants,
            InAppNotifications inApp,
            AdminEmails emails,
            AdminAlerts alerts,
            WebhookFanout webhooks,
            Clock clock) {
        this.mapper = mapper;
        this.tenants = tenants;
        this.inApp = inApp;
        this.emails = emails;
        this.alerts = alerts;
        this.webhooks = webhooks;
        this.clock = clock;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void route(IncomingEvent event) {
        if (!WEBHOOK_TYPES.contains(event.type()) || SecurityIncidentAlerts.handles(event.type())) {
            return; // a type this service has nothing to do with, or none about a user
        }
        JsonNode data = IncomingEvents.dataObject(mapper, event);
        UserEvent fields = event.dataAs(mapper, UserEvent.class);
        if (fields.subject() == null || fields.subject().isBlank()) {
            throw new PoisonEventException("event " + event.id() + " (" + event.type() + ") has no user_id");
        }
        if (fields.projectId() != null) {
            tenants.saveProjectOfUser(event.orgId(), fields.subject(), fields.projectId());
        }
        if (fields.subjectSignsIn()) {
            UserNotificationTexts.of(event.type(), fields)
                    .ifPresent(content -> inApp.notify(event.orgId(), fields.subject(), content, event.id()));
        }
        notifyAdmins(event, fields);
        projectOf(event, fields)
                .ifPresent(project -> webhooks.publish(
                        event.orgId(), project, event.type(), event.id(), IncomingEvents.timeOf(event, clock), data));
    }

    private void notifyAdmins(IncomingEvent event, UserEvent e) {
        switch (event.type()) {
            case EventTypes.Wallet.PROVISIONED -> {
                Map<String, Object> model = new LinkedHashMap<>();
                model.put("user_id", e.userId());
                model.put("wallet_id", e.walletId());
                model.put("network", e.network());
                model.put("address", e.address());
                emails.mailAdmins(
                        event.orgId(),
                        event.id(),
                        new AdminEmails.Email("wallet-provisioned", "[Attest] Wallet provisioned", model));
            }
            case EventTypes.Wallet.PROVISIONING_FAILED -> {
                if (e.finalFailure()) {
                    alerts.critical(
                            event.orgId(),
                            event.id(),
                            "wallet.provisioning-failed",
                            "Wallet provisioning failed",
                            "No wallet could be provisioned for user " + e.userId() + " (reason: " + e.reason()
                                    + "); retries are exhausted.",
                            "/users/" + e.userId());
                }
            }
            case EventTypes.Identity.CLAIM_ISSUANCE_FAILED -> {
                if (e.finalFailure()) {
                    alerts.critical(
                            event.orgId(),
                            event.id(),
                            "identity.claim-issuance-failed",
                            "KYC claim issuance failed",
                            "The KYC claim of user " + e.userId() + " could not be issued (reason: " + e.reason()
                                    + "); retries are exhausted.",
                            "/users/" + e.userId());
                }
            }
            case EventTypes.Document.STORAGE_FAILED ->
            // Sent only once the storage retries are exhausted (docs/documents.md): always final.
            alerts.critical(
                    event.orgId(),
                    event.id(),
                    "document.storage-failed",
                    "Document storage failed",
                    "A document of user " + e.userId() + " could not be stored on Arweave; retries are exhausted.",
                    "/documents/cases/" + e.caseId());
            default -> {
                // Other events concern the user only.
            }
        }
    }

    private Optional<String> projectOf(IncomingEvent event, UserEvent e) {
        if (e.projectId() != null) {
            return Optional.of(e.projectId());
        }
        return tenants.projectOfUser(event.orgId(), e.subject());
    }
}
