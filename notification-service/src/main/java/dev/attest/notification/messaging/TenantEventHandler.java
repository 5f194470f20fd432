package dev.attest.notification.messaging;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.attest.common.inbox.IncomingEvent;
import dev.attest.common.inbox.PoisonEventException;
import dev.attest.common.security.Roles;
import dev.attest.common.tenant.TenantEvent;
import dev.attest.contracts.EventTypes;
import dev.attest.notification.messaging.in.MemberChanged;
import dev.attest.notification.repository.TenantRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * Keeps the org admins' addresses up to date from the tenant events that common's tenant replica consumes (it keeps
 * the organizations and projects; the admins are this service's concern alone): observed in the replica's inbox
 * transaction, so each member event counts once.
 */
@ApplicationScoped
public class TenantEventHandler {
    private final ObjectMapper mapper;
    private final TenantRepository tenants;

    TenantEventHandler(ObjectMapper mapper, TenantRepository tenants) {
        this.mapper = mapper;
        this.tenants = tenants;
    }

    void onTenantEvent(@Observes TenantEvent tenantEvent) {
        IncomingEvent event = tenantEvent.event();
        switch (event.type()) {
            case EventTypes.Tenant.MEMBER_ADDED, EventTypes.Tenant.MEMBER_UPDATED -> {
                MemberChanged member = member(event);
                // A member who is no longer an admin (or has no address) gets no admin email.
                if (Roles.ORG_ADMIN.equals(member.role())
                        && member.email() != null
                        && !member.email().isBlank()) {
                    tenants.saveAdmin(event.orgId(), member.userId(), member.email());
                } else {
                    tenants.removeAdmin(event.orgId(), member.userId());
                }
            }
            case EventTypes.Tenant.MEMBER_REMOVED -> tenants.removeAdmin(
                    event.orgId(), member(event).userId());
            default -> {
                // Organizations and projects are the replica's; API keys do not concern notifications.
            }
        }
    }

    private MemberChanged member(IncomingEvent event) {
        MemberChanged member = event.dataAs(mapper, MemberChanged.class);
        if (member.userId() == null) {
            throw new PoisonEventException("event " + event.id() + " has no user_id");
        }
        return member;
    }
}
