package dev.attest.gateway.service;

import dev.attest.common.problem.ProblemException;
import dev.attest.contracts.EventTypes;
import dev.attest.gateway.Organization;
import dev.attest.gateway.audit.GatewayAudit;
import dev.attest.gateway.repository.OrganizationRepository;
import dev.attest.gateway.security.EdgeCaller;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** Creates and changes organizations; platform admins create them, their admins change them. */
@ApplicationScoped
public class OrganizationService {
    private final OrganizationRepository organizations;
    private final TenantAccess access;
    private final TenantEvents events;
    private final GatewayAudit audit;

    OrganizationService(
            OrganizationRepository organizations, TenantAccess access, TenantEvents events, GatewayAudit audit) {
        this.organizations = organizations;
        this.access = access;
        this.events = events;
        this.audit = audit;
    }

    @Transactional
    public Organization create(EdgeCaller caller, @Valid NewOrganization request) {
        if (organizations.findBySlug(request.slug()).isPresent()) {
            throw ProblemException.conflict("slug-taken", "An organization with slug " + request.slug() + " exists.");
        }
        Organization org = new Organization();
        org.id = UUID.randomUUID();
        org.slug = request.slug();
        org.name = request.name();
        org.adminContacts =
                request.adminContacts() == null ? new ArrayList<>() : new ArrayList<>(request.adminContacts());
        org.selfSignup = Boolean.TRUE.equals(request.selfSignup());
        org.createdAt = Instant.now();
        org.updatedAt = org.createdAt;
        organizations.persist(org);
        events.organization(EventTypes.Tenant.ORGANIZATION_CREATED, org);
        audit.record(
                caller,
                caller.realmRoles(),
                org.id,
                null,
                "organization.created",
                "organization",
                org.id.toString(),
                null,
                GatewayAudit.OrganizationSnapshot.of(org));
        return org;
    }

    @Transactional
    public Organization update(EdgeCaller caller, String orgRef, @Valid OrganizationChanges changes) {
        OrgMembership membership = access.requireAdmin(caller, orgRef);
        Organization org = membership.org();
        GatewayAudit.OrganizationSnapshot before = GatewayAudit.OrganizationSnapshot.of(org);
        if (changes.name() != null) {
            org.name = changes.name();
        }
        if (changes.adminContacts() != null) {
            org.adminContacts = new ArrayList<>(changes.adminContacts());
        }
        if (changes.selfSignup() != null) {
            org.selfSignup = changes.selfSignup();
        }
        org.updatedAt = Instant.now();
        events.organization(EventTypes.Tenant.ORGANIZATION_UPDATED, org);
        audit.record(
                caller,
                membership.roles(),
                org.id,
                null,
                "organization.updated",
                "organization",
                org.id.toString(),
                before,
                GatewayAudit.OrganizationSnapshot.of(org));
        return org;
    }

    /** A new organization. Its slug names it in URLs and never changes. */
    public record NewOrganization(
            @NotBlank @Size(max = 200) String name,
            @NotBlank @Pattern(regexp = "[a-z0-9][a-z0-9-]{1,62}", message = "lowercase letters, digits and dashes")
                    String slug,
            @Size(max = 20) List<@NotBlank @Email String> adminContacts,
            Boolean selfSignup) {}

    /** Changes to an organization; absent fields stay as they are. */
    public record OrganizationChanges(
            @Size(min = 1, max = 200) String name,
            @Size(max = 20) List<@NotBlank @Email String> adminContacts,
            Boolean selfSignup) {}
}
