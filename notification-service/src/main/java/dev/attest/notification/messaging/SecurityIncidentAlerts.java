package dev.attest.notification.messaging;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.attest.common.inbox.IncomingEvent;
import dev.attest.common.inbox.PoisonEventException;
import dev.attest.contracts.EventTypes;
import dev.attest.notification.config.NotificationConfig;
import dev.attest.notification.messaging.in.SecurityIncidentOpened;
import dev.attest.notification.service.AdminAlerts;
import dev.attest.notification.service.AdminEmails;
import dev.attest.notification.service.InAppNotifications;
import dev.attest.notification.webhook.WebhookFanout;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A security detector of the gateway opened an incident (issue 20). The affected organization's admins get it by
 * email and in-app, the platform's security contacts by email, and the webhook endpoints of the affected project
 * (else of every project of the organization) as a message. An incident of the platform (no organization) reaches
 * the security contacts only: platform admins watch the console. Once per event, like every alert: an address that
 * is both an admin and a security contact gets the admin's email only.
 */
@ApplicationScoped
public class SecurityIncidentAlerts {
    /** The CloudEvents orgid of an incident that affects no organization. */
    static final String PLATFORM = "platform";

    static final String TEMPLATE = "security-incident";
    static final String NOTIFICATION_TYPE = "security.incident-opened";
    /** Where each reader follows an incident in the console: an org admin their organization's, a contact all. */
    static String orgIncidentsPage(String orgId) {
        return "/console/org/" + orgId + "/incidents/";
    }

    static final String PLATFORM_INCIDENTS_PAGE = "/console/platform/incidents/";

    private static final Pattern UUID =
            Pattern.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");
    private static final Set<String> SEVERITIES = Set.of("low", "medium", "high", "critical");
    /** The schema's bound: a longer summary is cut there rather than filling an email. */
    private static final int SUMMARY_LIMIT = 500;

    private final ObjectMapper mapper;
    private final AdminAlerts alerts;
    private final AdminEmails emails;
    private final WebhookFanout webhooks;
    private final Clock clock;
    private final List<String> securityContacts;

    SecurityIncidentAlerts(
            ObjectMapper mapper,
            AdminAlerts alerts,
            AdminEmails emails,
            WebhookFanout webhooks,
            Clock clock,
            NotificationConfig config) {
        this.mapper = mapper;
        this.alerts = alerts;
        this.emails = emails;
        this.webhooks = webhooks;
        this.clock = clock;
        this.securityContacts = config.securityContacts().orElse(List.of()).stream()
                .map(String::trim)
                .filter(address -> !address.isEmpty())
                .distinct()
                .toList();
    }

    static boolean handles(String eventType) {
        return EventTypes.Security.INCIDENT_OPENED.equals(eventType);
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void handle(IncomingEvent event) {
        if (!handles(event.type())) {
            return; // a type of the topic this service has nothing to do with
        }
        Incident incident = incident(event, event.dataAs(mapper, SecurityIncidentOpened.class));
        if (incident.orgId() != null) {
            alerts.alert(
                    incident.orgId(),
                    event.id(),
                    incident.email(orgIncidentsPage(incident.orgId())),
                    new InAppNotifications.Content(
                            NOTIFICATION_TYPE,
                            "Security incident " + incident.id() + " (severity " + incident.severity() + ", detector "
                                    + incident.detector() + "): " + incident.summary(),
                            orgIncidentsPage(incident.orgId()) + incident.id()));
        }
        emails.mail(event.orgId(), event.id(), securityContacts, incident.email(PLATFORM_INCIDENTS_PAGE));
        if (incident.orgId() == null) {
            return;
        }
        Instant time = IncomingEvents.timeOf(event, clock);
        if (incident.projectId() != null) {
            webhooks.publish(
                    incident.orgId(),
                    incident.projectId(),
                    event.type(),
                    event.id(),
                    time,
                    IncomingEvents.dataObject(mapper, event));
        } else {
            webhooks.publishToOrganization(
                    incident.orgId(), event.type(), event.id(), time, IncomingEvents.dataObject(mapper, event));
        }
    }

    /**
     * The incident as the alerts tell it. Without a valid id, detector or severity there is no alert to link, name or
     * rank: dead letter. The rest only describes it, and a stand-in does not cost the admins their alert.
     */
    private Incident incident(IncomingEvent event, SecurityIncidentOpened data) {
        if (data.incidentId() == null || !UUID.matcher(data.incidentId()).matches()) {
            throw poison(event, "has no valid incident_id");
        }
        if (!PlainNames.isPlain(data.detector())) {
            throw poison(event, "has no valid detector");
        }
        if (data.severity() == null || !SEVERITIES.contains(data.severity())) {
            throw poison(event, "has no valid severity");
        }
        String orgId = PLATFORM.equals(event.orgId()) ? null : event.orgId();
        // The envelope routes every event of the service; a payload naming another organization could send one
        // tenant's incident to another's admins.
        if (data.orgId() != null && !data.orgId().equals(orgId)) {
            throw poison(event, "names organization " + data.orgId() + " but has orgid " + event.orgId());
        }
        String summary = data.summary() == null || data.summary().isBlank()
                ? "No summary was given."
                : data.summary().strip();
        return new Incident(
                data.incidentId().toLowerCase(Locale.ROOT),
                data.detector(),
                data.severity(),
                summary.length() > SUMMARY_LIMIT ? summary.substring(0, SUMMARY_LIMIT) : summary,
                orgId,
                data.projectId(),
                data.signalCount() != null && data.signalCount() > 0
                        ? data.signalCount().toString()
                        : "unknown",
                openedAt(event, data));
    }

    private Instant openedAt(IncomingEvent event, SecurityIncidentOpened data) {
        if (data.openedAt() != null) {
            try {
                return OffsetDateTime.parse(data.openedAt()).toInstant();
            } catch (DateTimeParseException e) {
                // the event's own time is the next best
            }
        }
        return IncomingEvents.timeOf(event, clock);
    }

    private static PoisonEventException poison(IncomingEvent event, String what) {
        return new PoisonEventException("event " + event.id() + " (" + event.type() + ") " + what);
    }

    private record Incident(
            String id,
            String detector,
            String severity,
            String summary,
            String orgId,
            String projectId,
            String signalCount,
            Instant openedAt) {

        /** The email of the incident; {@code incidentsPage} is where its reader follows incidents in the console. */
        AdminEmails.Email email(String incidentsPage) {
            String severityName = severity.substring(0, 1).toUpperCase(Locale.ROOT) + severity.substring(1);
            return new AdminEmails.Email(
                    TEMPLATE,
                    "[Attest] " + severityName + " security incident: " + detector,
                    Map.of(
                            "incident_id", id,
                            "detector", detector,
                            "severity", severity,
                            "summary", summary,
                            "signal_count", signalCount,
                            "opened_at", openedAt.toString(),
                            "link", incidentsPage + id));
        }
    }
}
