package dev.attest.compliance.messaging;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.attest.common.inbox.Inbox;
import dev.attest.common.inbox.IncomingEvent;
import dev.attest.common.inbox.PoisonEventException;
import dev.attest.compliance.repository.TenantRepository;
import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.OffsetDateTime;
import java.util.Set;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.faulttolerance.Retry;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * Keeps the replica of organizations and projects from {@code attest.tenant.v1}: an organization's slug
 * (so the default organization may be configured by slug) and each project's KYC provider. Members and
 * API keys are not this service's concern.
 */
@ApplicationScoped
public class TenantEventsConsumer {
    public static final String CHANNEL = "tenant-events";
    static final Set<String> ORGANIZATION_EVENTS =
            Set.of("attest.tenant.organization-created.v1", "attest.tenant.organization-updated.v1");
    static final Set<String> PROJECT_EVENTS =
            Set.of("attest.tenant.project-created.v1", "attest.tenant.project-updated.v1");

    private final Inbox inbox;
    private final ObjectMapper mapper;
    private final TenantRepository tenants;

    TenantEventsConsumer(Inbox inbox, ObjectMapper mapper, TenantRepository tenants) {
        this.inbox = inbox;
        this.mapper = mapper;
        this.tenants = tenants;
    }

    /** The fields of organization events this consumer reads (tolerant reader). */
    record OrganizationData(String orgId, String slug, String name) {}

    /** The fields of project events this consumer reads. */
    record ProjectData(
            String orgId,
            String projectId,
            String name,
            String environment,
            String kycProvider,
            String walletNetwork) {}

    @Incoming(CHANNEL)
    @Blocking
    @Retry(maxRetries = 3, delay = 200, abortOn = PoisonEventException.class)
    public void consume(ConsumerRecord<String, byte[]> record) {
        IncomingEvent event = IncomingEvent.from(record);
        if (ORGANIZATION_EVENTS.contains(event.type())) {
            inbox.processOnce("compliance.tenant", event, this::applyOrganization);
        } else if (PROJECT_EVENTS.contains(event.type())) {
            inbox.processOnce("compliance.tenant", event, this::applyProject);
        }
    }

    private void applyOrganization(IncomingEvent event) {
        OrganizationData data = event.dataAs(mapper, OrganizationData.class);
        if (blank(data.orgId()) || blank(data.slug())) {
            throw new PoisonEventException("event " + event.id() + " names no org_id or slug");
        }
        requireSameOrg(event, data.orgId());
        tenants.upsertOrganization(
                new TenantRepository.Organization(data.orgId(), data.slug(), data.name()), timeOf(event));
    }

    private void applyProject(IncomingEvent event) {
        ProjectData data = event.dataAs(mapper, ProjectData.class);
        if (blank(data.orgId()) || blank(data.projectId())) {
            throw new PoisonEventException("event " + event.id() + " names no org_id or project_id");
        }
        requireSameOrg(event, data.orgId());
        tenants.upsertProject(
                new TenantRepository.Project(data.projectId(), data.orgId(), data.environment(), data.kycProvider()),
                data.name(),
                data.walletNetwork(),
                timeOf(event));
    }

    /** The envelope's organization is the tenant boundary: data naming another one is not trusted. */
    private static void requireSameOrg(IncomingEvent event, String orgId) {
        if (!orgId.equals(event.orgId())) {
            throw new PoisonEventException("event " + event.id() + " of org " + event.orgId() + " names org " + orgId);
        }
    }

    /** Events without a time (not the gateway's) still apply, ordered by arrival. */
    private static OffsetDateTime timeOf(IncomingEvent event) {
        return event.time() != null ? event.time() : OffsetDateTime.now();
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }
}
