package dev.attest.gateway.service;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.attest.common.events.OutgoingEvent;
import dev.attest.common.events.Topics;
import dev.attest.common.outbox.Outbox;
import dev.attest.common.security.Roles;
import dev.attest.contracts.EventTypes;
import dev.attest.gateway.ApiKey;
import dev.attest.gateway.Member;
import dev.attest.gateway.Organization;
import dev.attest.gateway.Project;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Announces every tenancy change on {@code attest.tenant.v1} through the outbox, keyed by the
 * organization (docs/events.md). Payloads carry ids and names, never a key, a hash or a secret.
 */
@ApplicationScoped
public class TenantEvents {
    private final Outbox outbox;

    TenantEvents(Outbox outbox) {
        this.outbox = outbox;
    }

    /** {@code type}: one of {@link EventTypes.Tenant}'s organization types. */
    public void organization(String type, Organization org) {
        publish(
                type,
                org.id.toString(),
                "organization/" + org.id,
                new OrganizationData(org.id.toString(), org.slug, org.name));
    }

    /** {@code type}: one of {@link EventTypes.Tenant}'s project types. */
    public void project(String type, Project project) {
        publish(
                type,
                project.orgId.toString(),
                "project/" + project.id,
                new ProjectData(
                        project.orgId.toString(),
                        project.id.toString(),
                        project.name,
                        project.environment,
                        project.kycProvider,
                        project.walletNetwork,
                        project.kycFallbackProvider));
    }

    /** {@code type}: one of {@link EventTypes.Tenant}'s member types. */
    public void member(String type, Member member) {
        publish(
                type,
                member.orgId.toString(),
                "member/" + member.userId,
                new MemberData(member.orgId.toString(), member.userId, member.role, adminContact(member)));
    }

    /** {@code type}: one of {@link EventTypes.Tenant}'s API key types. */
    public void apiKey(String type, ApiKey key) {
        publish(
                type,
                key.orgId.toString(),
                "api-key/" + key.id,
                new ApiKeyData(key.orgId.toString(), key.projectId.toString(), key.id.toString(), key.prefix));
    }

    /** The one personal field allowed in events: an admin's email, so admins can be notified. */
    private static String adminContact(Member member) {
        return Roles.ORG_ADMIN.equals(member.role) ? member.email : null;
    }

    private void publish(String type, String orgId, String subject, Object data) {
        outbox.publish(new OutgoingEvent(Topics.TENANT, type, orgId, subject, orgId, data));
    }

    record OrganizationData(String orgId, String slug, String name) {}

    record ProjectData(
            String orgId,
            String projectId,
            String name,
            String environment,
            String kycProvider,
            String walletNetwork,
            String kycFallbackProvider) {}

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record MemberData(String orgId, String userId, String role, String email) {}

    record ApiKeyData(String orgId, String projectId, String keyId, String prefix) {}
}
