package dev.attest.common.tenant;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.attest.common.inbox.Inbox;
import dev.attest.common.inbox.IncomingEvent;
import dev.attest.common.inbox.PoisonEventException;
import dev.attest.contracts.EventTypes;
import io.quarkus.arc.properties.IfBuildProperty;
import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import java.time.OffsetDateTime;
import java.util.Set;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.faulttolerance.Retry;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * Consumes {@code attest.tenant.v1} into the {@link Tenants} replica, each event once (inbox consumer
 * {@value #INBOX_CONSUMER}): organization-created/-updated and project-created/-updated, the newest event winning
 * (by the event's time; an event without one counts as of its arrival), with the {@code suspended} flag of issue 20
 * when an event states it; organization-deleted removes the organization and its projects. The envelope's organization is the tenant
 * boundary: data naming another one, or naming none, is poison (dead-letter topic). Every tenant event is then
 * handed to the service's {@link TenantEvent} observers, if it has any, in the same transaction.
 *
 * <p>The channel {@value #CHANNEL} is configured once, in common's {@code META-INF/microprofile-config.properties}
 * (group id: the application's name), and enabled with this bean by {@value Tenants#ENABLED}{@code =true}: a
 * service without it consumes nothing of {@code attest.tenant.v1}.
 */
@ApplicationScoped
@IfBuildProperty(name = Tenants.ENABLED, stringValue = "true")
public class TenantEventsConsumer {
    public static final String CHANNEL = "tenant-events";
    public static final String INBOX_CONSUMER = "tenant-replica";

    private static final Set<String> ORGANIZATION_EVENTS =
            Set.of(EventTypes.Tenant.ORGANIZATION_CREATED, EventTypes.Tenant.ORGANIZATION_UPDATED);
    private static final Set<String> PROJECT_EVENTS =
            Set.of(EventTypes.Tenant.PROJECT_CREATED, EventTypes.Tenant.PROJECT_UPDATED);

    private final Inbox inbox;
    private final ObjectMapper mapper;
    private final Tenants tenants;
    private final Event<TenantEvent> observers;

    TenantEventsConsumer(Inbox inbox, ObjectMapper mapper, Tenants tenants, Event<TenantEvent> observers) {
        this.inbox = inbox;
        this.mapper = mapper;
        this.tenants = tenants;
        this.observers = observers;
    }

    /** The fields of organization events the replica keeps (tolerant reader). */
    record OrganizationData(String orgId, String slug, String name, Boolean suspended) {}

    /** The fields of project events the replica keeps: all the gateway publishes. */
    record ProjectData(
            String orgId,
            String projectId,
            String name,
            String environment,
            String kycProvider,
            String walletNetwork,
            String kycFallbackProvider,
            Boolean suspended) {}

    @Incoming(CHANNEL)
    @Blocking
    @Retry(maxRetries = 3, delay = 200, abortOn = PoisonEventException.class)
    public void consume(ConsumerRecord<String, byte[]> record) {
        inbox.processOnce(INBOX_CONSUMER, IncomingEvent.from(record), this::apply);
    }

    private void apply(IncomingEvent event) {
        if (ORGANIZATION_EVENTS.contains(event.type())) {
            applyOrganization(event);
        } else if (PROJECT_EVENTS.contains(event.type())) {
            applyProject(event);
        } else if (EventTypes.Tenant.ORGANIZATION_DELETED.equals(event.type())) {
            applyDeletion(event);
        }
        observers.fire(new TenantEvent(event));
    }

    private void applyOrganization(IncomingEvent event) {
        OrganizationData data = event.dataAs(mapper, OrganizationData.class);
        if (blank(data.orgId()) || blank(data.slug())) {
            throw new PoisonEventException("event " + event.id() + " names no org_id or slug");
        }
        requireSameOrg(event, data.orgId());
        tenants.upsert(new TenantOrganization(data.orgId(), data.slug(), data.name()), data.suspended(), timeOf(event));
    }

    /** The organization was deleted: the replica forgets it (services erase their own data in observers). */
    private void applyDeletion(IncomingEvent event) {
        OrganizationData data = event.dataAs(mapper, OrganizationData.class);
        if (blank(data.orgId())) {
            throw new PoisonEventException("event " + event.id() + " names no org_id");
        }
        requireSameOrg(event, data.orgId());
        tenants.erase(data.orgId());
    }

    private void applyProject(IncomingEvent event) {
        ProjectData data = event.dataAs(mapper, ProjectData.class);
        if (blank(data.orgId()) || blank(data.projectId())) {
            throw new PoisonEventException("event " + event.id() + " names no org_id or project_id");
        }
        requireSameOrg(event, data.orgId());
        tenants.upsert(
                new TenantProject(
                        data.projectId(),
                        data.orgId(),
                        data.name(),
                        data.environment(),
                        data.kycProvider(),
                        data.walletNetwork(),
                        data.kycFallbackProvider()),
                data.suspended(),
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
