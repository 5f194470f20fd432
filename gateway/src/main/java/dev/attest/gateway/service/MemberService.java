package dev.attest.gateway.service;

import dev.attest.common.problem.ProblemException;
import dev.attest.common.security.Roles;
import dev.attest.contracts.EventTypes;
import dev.attest.gateway.Member;
import dev.attest.gateway.audit.GatewayAudit;
import dev.attest.gateway.repository.MemberRepository;
import dev.attest.gateway.security.EdgeCaller;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Members of an organization (OIDC subjects with a role); managed by the organization's admins. */
@ApplicationScoped
public class MemberService {
    private final MemberRepository members;
    private final TenantAccess access;
    private final TenantEvents events;
    private final GatewayAudit audit;

    MemberService(MemberRepository members, TenantAccess access, TenantEvents events, GatewayAudit audit) {
        this.members = members;
        this.access = access;
        this.events = events;
        this.audit = audit;
    }

    @Transactional
    public Member add(EdgeCaller caller, String orgRef, @Valid NewMember request) {
        OrgMembership membership = access.requireAdmin(caller, orgRef);
        UUID orgId = membership.org().id;
        if (members.findMember(orgId, request.userId()).isPresent()) {
            throw ProblemException.conflict("member-exists", "That user is already a member.");
        }
        Member member = new Member();
        member.orgId = orgId;
        member.userId = request.userId();
        member.email = request.email();
        member.role = request.role();
        member.createdAt = Instant.now();
        member.updatedAt = member.createdAt;
        members.persist(member);
        events.member(EventTypes.Tenant.MEMBER_ADDED, member);
        audit.record(
                caller,
                membership.roles(),
                orgId,
                null,
                "member.added",
                "member",
                member.userId,
                null,
                GatewayAudit.MemberSnapshot.of(member));
        return member;
    }

    /**
     * A user who signed up by themselves joins an organization that allows it, as an end user. Joining
     * again changes nothing and answers the membership the user already has.
     */
    @Transactional
    public Member join(EdgeCaller caller, String orgRef) {
        UUID orgId = access.requireOpenForSignup(orgRef).id;
        Optional<Member> existing = members.findMember(orgId, caller.subject());
        if (existing.isPresent()) {
            return existing.get();
        }
        String email = caller.email()
                .orElseThrow(() -> ProblemException.badRequest(
                        "email-required", "Your sign-in states no email address; it is needed to join."));
        Member member = new Member();
        member.orgId = orgId;
        member.userId = caller.subject();
        member.email = email;
        member.role = Roles.USER;
        member.createdAt = Instant.now();
        member.updatedAt = member.createdAt;
        members.persist(member);
        events.member(EventTypes.Tenant.MEMBER_ADDED, member);
        audit.record(
                caller,
                java.util.Set.of(Roles.USER),
                orgId,
                null,
                "member.joined",
                "member",
                member.userId,
                null,
                GatewayAudit.MemberSnapshot.of(member));
        return member;
    }

    @Transactional
    public List<Member> list(EdgeCaller caller, String orgRef) {
        return members.listByOrg(access.requireAdmin(caller, orgRef).org().id);
    }

    @Transactional
    public Member changeRole(EdgeCaller caller, String orgRef, String userId, @Valid RoleChange change) {
        OrgMembership membership = access.requireAdmin(caller, orgRef);
        Member member = find(membership.org().id, userId);
        GatewayAudit.MemberSnapshot before = GatewayAudit.MemberSnapshot.of(member);
        member.role = change.role();
        member.updatedAt = Instant.now();
        events.member(EventTypes.Tenant.MEMBER_UPDATED, member);
        audit.record(
                caller,
                membership.roles(),
                member.orgId,
                null,
                "member.role-changed",
                "member",
                member.userId,
                before,
                GatewayAudit.MemberSnapshot.of(member));
        return member;
    }

    @Transactional
    public void remove(EdgeCaller caller, String orgRef, String userId) {
        OrgMembership membership = access.requireAdmin(caller, orgRef);
        Member member = find(membership.org().id, userId);
        members.delete(member);
        events.member(EventTypes.Tenant.MEMBER_REMOVED, member);
        audit.record(
                caller,
                membership.roles(),
                member.orgId,
                null,
                "member.removed",
                "member",
                member.userId,
                GatewayAudit.MemberSnapshot.of(member),
                null);
    }

    private Member find(UUID orgId, String userId) {
        return members.findMember(orgId, userId).orElseThrow(() -> ProblemException.notFound("Member " + userId));
    }

    /** A user to add: their OIDC subject, their email (admin contact) and role. */
    public record NewMember(
            @NotBlank @Size(max = 255) String userId,
            @NotBlank @Email @Size(max = 320) String email,
            @NotNull @Pattern(regexp = "org-admin|user", message = "org-admin or user") String role) {}

    public record RoleChange(@NotNull @Pattern(regexp = "org-admin|user", message = "org-admin or user") String role) {}
}
