package dev.attest.gateway.service;

import dev.attest.common.problem.ProblemException;
import dev.attest.common.security.Roles;
import dev.attest.gateway.Member;
import dev.attest.gateway.Organization;
import dev.attest.gateway.repository.MemberRepository;
import dev.attest.gateway.repository.OrganizationRepository;
import dev.attest.gateway.security.EdgeCaller;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Decides which organizations a caller belongs to and with which roles. A caller asking about an
 * organization it does not belong to gets 404, exactly as for one that does not exist: it learns nothing.
 *
 * <p>A user belongs to an organization as a member (role from the member list) or through the {@code
 * org_id} claim of the token (the organization the identity provider signed them up for; the realm role
 * {@code org-admin} counts there). A platform admin administers every organization. An API key belongs to
 * its project's organization only.
 */
@ApplicationScoped
public class TenantAccess {
    /** Every slug matches (they are checked more strictly when made); most other text does not. */
    private static final Pattern COULD_BE_SLUG = Pattern.compile("[a-z0-9-]{1,64}");

    private final OrganizationRepository organizations;
    private final MemberRepository members;

    TenantAccess(OrganizationRepository organizations, MemberRepository members) {
        this.organizations = organizations;
        this.members = members;
    }

    /** The caller's membership of {@code orgRef} (id or slug), or 404. */
    @Transactional
    public OrgMembership require(EdgeCaller caller, String orgRef) {
        return find(orgRef)
                .flatMap(org -> membership(caller, org))
                .orElseThrow(() -> ProblemException.notFound("Organization " + orgRef));
    }

    /** As {@link #require}, and the caller must administer the organization (403 otherwise). */
    @Transactional
    public OrgMembership requireAdmin(EdgeCaller caller, String orgRef) {
        OrgMembership membership = require(caller, orgRef);
        if (!membership.isAdmin()) {
            throw ProblemException.forbidden("Only the organization's admins may do this.");
        }
        return membership;
    }

    /** The organization a caller acts in when a route names none: the key's, the token's, or the only one. */
    @Transactional
    public Optional<OrgMembership> home(EdgeCaller caller) {
        Optional<Organization> org;
        if (caller.apiKey().isPresent()) {
            org = organizations.findByIdOptional(caller.apiKey().get().orgId());
        } else if (caller.orgClaim().isPresent()) {
            org = find(caller.orgClaim().get());
        } else {
            List<Member> memberships = members.listByUser(caller.subject());
            org = memberships.size() == 1 ? organizations.findByIdOptional(memberships.get(0).orgId) : Optional.empty();
        }
        return org.flatMap(o -> membership(caller, o));
    }

    /** The organizations a user belongs to, with the user's roles in each. */
    @Transactional
    public List<OrgMembership> membershipsOf(EdgeCaller caller) {
        return organizationsOf(caller).stream()
                .flatMap(org -> membership(caller, org).stream())
                .toList();
    }

    /** The organizations a user belongs to, for listing. */
    @Transactional
    public List<Organization> organizationsOf(EdgeCaller caller) {
        if (caller.isPlatformAdmin()) {
            return organizations.listAllBySlug();
        }
        Set<UUID> ids = new LinkedHashSet<>();
        members.listByUser(caller.subject()).forEach(m -> ids.add(m.orgId));
        home(caller).ifPresent(m -> ids.add(m.org().id));
        return organizations.listByIds(ids);
    }

    private Optional<OrgMembership> membership(EdgeCaller caller, Organization org) {
        if (caller.apiKey().isPresent()) {
            return caller.apiKey().get().orgId().equals(org.id)
                    ? Optional.of(new OrgMembership(org, Set.of(Roles.API_KEY)))
                    : Optional.empty();
        }
        Set<String> roles = new LinkedHashSet<>();
        if (caller.isPlatformAdmin()) {
            roles.add(Roles.PLATFORM_ADMIN);
            roles.add(Roles.ORG_ADMIN);
        }
        members.findMember(org.id, caller.subject()).ifPresent(member -> {
            roles.add(Roles.USER);
            roles.add(member.role);
        });
        if (caller.orgClaim().filter(claim -> names(org, claim)).isPresent()) {
            roles.add(Roles.USER);
            if (caller.realmRoles().contains(Roles.ORG_ADMIN)) {
                roles.add(Roles.ORG_ADMIN);
            }
        }
        return roles.isEmpty() ? Optional.empty() : Optional.of(new OrgMembership(org, Set.copyOf(roles)));
    }

    /**
     * The organization {@code orgRef} names when it lets users join by themselves; any other (closed, or
     * none) is the same 404 as an organization the caller cannot see.
     */
    @Transactional
    public Organization requireOpenForSignup(String orgRef) {
        return find(orgRef)
                .filter(org -> org.selfSignup)
                .orElseThrow(() -> ProblemException.notFound("Organization " + orgRef));
    }

    private Optional<Organization> find(String orgRef) {
        Optional<UUID> id = parseUuid(orgRef);
        if (id.isPresent()) {
            return organizations.findByIdOptional(id.get());
        }
        // Text that cannot be a slug names nothing, and is not sent to the database (a NUL would fail there).
        return COULD_BE_SLUG.matcher(orgRef).matches() ? organizations.findBySlug(orgRef) : Optional.empty();
    }

    private static boolean names(Organization org, String ref) {
        return org.id.toString().equals(ref) || org.slug.equals(ref);
    }

    /** The id in a path segment, or empty when it is not a UUID (then it is a slug, or nothing). */
    public static Optional<UUID> parseUuid(String value) {
        try {
            return Optional.of(UUID.fromString(value));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
