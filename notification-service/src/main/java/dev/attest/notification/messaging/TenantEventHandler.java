package dev.attest.notification.messaging;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.attest.common.inbox.IncomingEvent;
import dev.attest.common.inbox.PoisonEventException;
import dev.attest.common.security.Roles;
import dev.attest.notification.messaging.in.EventTypes;
import dev.attest.notification.messaging.in.MemberChanged;
import dev.attest.notification.messaging.in.ProjectCreated;
import dev.attest.notification.repository.TenantRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

/** Keeps the admins' addresses and the projects up to date from the tenant events. */
@ApplicationScoped
public class TenantEventHandler {
    private final ObjectMapper mapper;
    private final TenantRepository tenants;

    TenantEventHandler(ObjectMapper mapper, TenantRepository tenants) {
        this.mapper = mapper;
        this.tenants = tenants;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void handle(IncomingEvent event) {
        switch (event.type()) {
            case EventTypes.MEMBER_ADDED, EventTypes.MEMBER_UPDATED -> {
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
            case EventTypes.MEMBER_REMOVED -> tenants.removeAdmin(
                    event.orgId(), member(event).userId());
            case EventTypes.PROJECT_CREATED -> {
                ProjectCreated project = event.dataAs(mapper, ProjectCreated.class);
                if (project.projectId() == null) {
                    throw new PoisonEventException("event " + event.id() + " has no project_id");
                }
                tenants.saveProject(event.orgId(), project.projectId());
            }
            default -> {
                // Other tenant events do not concern notifications.
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
