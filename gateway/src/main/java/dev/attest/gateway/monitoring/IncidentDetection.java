package dev.attest.gateway.monitoring;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.attest.common.audit.AuditActor;
import dev.attest.common.audit.AuditChanges;
import dev.attest.common.audit.AuditEntry;
import dev.attest.common.audit.AuditTrail;
import dev.attest.common.events.OutgoingEvent;
import dev.attest.common.events.Topics;
import dev.attest.common.outbox.Outbox;
import dev.attest.common.work.DurableWork;
import dev.attest.contracts.EventTypes;
import dev.attest.gateway.Organization;
import dev.attest.gateway.repository.OrganizationRepository;
import dev.attest.gateway.service.TenantAccess;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.UUID;
import org.jboss.logging.Logger;

/**
 * The detectors: every {@code evaluate-interval}, in one replica at a time, each detector's rule is read against
 * the signals of its window, and a subject over it raises an incident, one per attack: later signals of the same
 * subject add to the open incident instead of raising another. Raising one is a row, an event on {@code
 * attest.security.v1} (notification-service alerts the admins by email, in-app and webhook) and an audit entry,
 * in one transaction. Old signals are deleted after {@code signal-retention}.
 */
@ApplicationScoped
public class IncidentDetection implements DurableWork {
    static final String NAME = "security-detection";
    /** Arbitrary constant naming the detectors' advisory lock in the gateway's database. */
    private static final long LOCK = 0x7365637572697479L;

    private static final Logger LOG = Logger.getLogger(IncidentDetection.class);
    private static final String SERVICE = "gateway";

    private final Incidents incidents;
    private final SignalStore signals;
    private final MonitoringConfig config;
    private final Outbox outbox;
    private final AuditTrail trail;
    private final OrganizationRepository organizations;
    private final ObjectMapper mapper;

    IncidentDetection(
            Incidents incidents,
            SignalStore signals,
            MonitoringConfig config,
            Outbox outbox,
            AuditTrail trail,
            OrganizationRepository organizations,
            ObjectMapper mapper) {
        this.incidents = incidents;
        this.signals = signals;
        this.config = config;
        this.outbox = outbox;
        this.trail = trail;
        this.organizations = organizations;
        this.mapper = mapper;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Duration pollInterval() {
        return config.evaluateInterval();
    }

    @Override
    public OptionalLong exclusiveLock() {
        return OptionalLong.of(LOCK);
    }

    @Override
    public Pass runPass() {
        return new Pass(evaluate(Instant.now()), false);
    }

    /** One pass of every detector as of {@code now}; returns how many incidents it raised. */
    public int evaluate(Instant now) {
        int raised = 0;
        for (Detector detector : Detector.values()) {
            MonitoringConfig.Rule rule = rule(detector);
            for (Incidents.Candidate candidate :
                    incidents.candidates(detector, now.minus(rule.window()), rule.threshold())) {
                if (unusual(detector, rule, candidate, now)) {
                    QuarkusTransaction.requiringNew().run(() -> raise(detector, rule, candidate, now));
                    raised++;
                }
            }
        }
        QuarkusTransaction.requiringNew().run(incidents::refreshOpen);
        QuarkusTransaction.requiringNew().run(() -> signals.deleteBefore(now.minus(config.signalRetention())));
        return raised;
    }

    private MonitoringConfig.Rule rule(Detector detector) {
        MonitoringConfig.Rule rule = config.detectors().get(detector.id());
        if (rule == null) {
            throw new IllegalStateException("attest.monitoring.detectors." + detector.id() + " is not configured");
        }
        return rule;
    }

    /**
     * Over the threshold, and, for a rule with a baseline, also over that multiple of what the subject usually does in a
     * window (its signals over the baseline period before this window, spread over as many windows).
     */
    private boolean unusual(Detector detector, MonitoringConfig.Rule rule, Incidents.Candidate candidate, Instant now) {
        if (rule.baselineMultiplier().isEmpty()) {
            return true;
        }
        Instant windowStart = now.minus(rule.window());
        long before = incidents.signalsBetween(
                detector, candidate.subject(), windowStart.minus(rule.baselinePeriod()), windowStart);
        double usualPerWindow = (double) before
                * rule.window().toMillis()
                / rule.baselinePeriod().toMillis();
        return candidate.count() > rule.baselineMultiplier().get() * usualPerWindow;
    }

    private void raise(Detector detector, MonitoringConfig.Rule rule, Incidents.Candidate candidate, Instant now) {
        UUID orgId = candidate.orgId() != null ? candidate.orgId() : organizationNamed(candidate.subject());
        String summary = candidate.count() + " " + detector.signals() + " " + Subjects.phrase(candidate.subject())
                + " within " + Windows.describe(rule.window()) + ".";
        Incidents.Incident incident;
        try {
            incident = new Incidents.Incident(
                    UUID.randomUUID(),
                    detector.id(),
                    rule.severity(),
                    "open",
                    summary,
                    candidate.subject(),
                    orgId,
                    candidate.projectId(),
                    candidate.count(),
                    mapper.readValue(candidate.evidence(), Incidents.EVIDENCE),
                    candidate.firstSignalAt(),
                    candidate.lastSignalAt(),
                    now,
                    null,
                    null,
                    null);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("the signals' evidence is not JSON", e);
        }
        incidents.insert(incident);
        String org = orgId == null ? AuditTrail.PLATFORM_ORG : orgId.toString();
        outbox.publish(new OutgoingEvent(
                Topics.SECURITY,
                EventTypes.Security.INCIDENT_OPENED,
                incident.id().toString(),
                "incident/" + incident.id(),
                org,
                new IncidentOpened(
                        incident.id().toString(),
                        detector.id(),
                        rule.severity(),
                        summary,
                        orgId == null ? null : orgId.toString(),
                        candidate.projectId() == null
                                ? null
                                : candidate.projectId().toString(),
                        candidate.count(),
                        now)));
        trail.record(AuditEntry.of(
                        "security.incident-opened",
                        orgId == null ? null : orgId.toString(),
                        "incident",
                        incident.id().toString())
                .withProject(
                        candidate.projectId() == null
                                ? null
                                : candidate.projectId().toString())
                .withActor(AuditActor.service(SERVICE))
                .withChanges(AuditChanges.of(
                        null, Map.of("detector", detector.id(), "severity", rule.severity(), "summary", summary))));
        LOG.warnf("security incident %s raised by %s: %s", incident.id(), detector.id(), summary);
    }

    /** The organization a webhook path named (its id or slug), when it is one. */
    private UUID organizationNamed(String subject) {
        Optional<String> ref = Subjects.idOf(subject, Subjects.ORGANIZATION);
        if (ref.isEmpty()) {
            return null;
        }
        Optional<UUID> id = TenantAccess.parseUuid(ref.get());
        Optional<Organization> org =
                id.isPresent() ? organizations.findByIdOptional(id.get()) : organizations.findBySlug(ref.get());
        return org.map(o -> o.id).orElse(null);
    }

    /** The data of {@code attest.security.incident-opened.v1}: ids and counts only. */
    record IncidentOpened(
            String incidentId,
            String detector,
            String severity,
            String summary,
            String orgId,
            String projectId,
            long signalCount,
            Instant openedAt) {}
}
