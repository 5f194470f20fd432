package dev.attest.wallet.tenant;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.attest.common.inbox.Inbox;
import dev.attest.common.inbox.IncomingEvent;
import dev.attest.common.inbox.PoisonEventException;
import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Set;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.faulttolerance.Retry;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/** Consumes {@code attest.tenant.v1} into the organization and project replica, once per event (inbox). */
@ApplicationScoped
public class TenantEventsConsumer {
    public static final String CHANNEL = "tenant-events";
    private static final Set<String> ORGANIZATION_CHANGES =
            Set.of("attest.tenant.organization-created.v1", "attest.tenant.organization-updated.v1");
    private static final Set<String> PROJECT_CHANGES =
            Set.of("attest.tenant.project-created.v1", "attest.tenant.project-updated.v1");

    private final Inbox inbox;
    private final ObjectMapper mapper;
    private final Tenants tenants;

    /** The fields of the organization events this service keeps. */
    public record OrganizationChanged(String orgId, String slug, String name) {}

    /** The fields of the project events this service keeps. */
    public record ProjectChanged(
            String orgId,
            String projectId,
            String name,
            String environment,
            String kycProvider,
            String walletNetwork) {}

    TenantEventsConsumer(Inbox inbox, ObjectMapper mapper, Tenants tenants) {
        this.inbox = inbox;
        this.mapper = mapper;
        this.tenants = tenants;
    }

    @Incoming(CHANNEL)
    @Blocking
    @Retry(maxRetries = 3, delay = 200, abortOn = PoisonEventException.class)
    public void consume(ConsumerRecord<String, byte[]> record) {
        IncomingEvent event = IncomingEvent.from(record);
        if (ORGANIZATION_CHANGES.contains(event.type())) {
            inbox.processOnce("wallet-service.tenant", event, this::applyOrganization);
        } else if (PROJECT_CHANGES.contains(event.type())) {
            inbox.processOnce("wallet-service.tenant", event, this::applyProject);
        }
        // members and API keys concern other services
    }

    private void applyOrganization(IncomingEvent event) {
        OrganizationChanged changed = event.dataAs(mapper, OrganizationChanged.class);
        if (changed.orgId() == null || !changed.orgId().equals(event.orgId())) {
            throw new PoisonEventException("event " + event.id() + " lacks org_id or names another org");
        }
        tenants.upsertOrganization(changed.orgId(), changed.slug(), changed.name());
    }

    private void applyProject(IncomingEvent event) {
        ProjectChanged changed = event.dataAs(mapper, ProjectChanged.class);
        if (changed.projectId() == null
                || changed.orgId() == null
                || !changed.orgId().equals(event.orgId())) {
            throw new PoisonEventException("event " + event.id() + " lacks project_id or org_id, or names another org");
        }
        tenants.upsertProject(changed);
    }
}
