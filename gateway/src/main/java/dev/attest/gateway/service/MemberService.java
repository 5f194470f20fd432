package dev.attest.gateway.service;

import dev.attest.common.problem.ProblemException;
import dev.attest.common.security.Roles;
import dev.attest.contracts.EventTypes;
import dev.attest.gateway.Member;
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

    MemberService(MemberRepository members, TenantAccess access, TenantEvents events) {
        this.members = members;
        this.access = access;
        this.events = events;
    }

    @Transactional
    public Member add(EdgeCaller caller, String orgRef, @Valid NewMember request) {
        UUID orgId = access.requireAdmin(caller, orgRef).org().id;
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
        return member;
    }

    @Transactional
    public List<Member> list(EdgeCaller caller, String orgRef) {
        return members.listByOrg(access.requireAdmin(caller, orgRef).org().id);
    }

    @Transactional
    public Member changeRole(EdgeCaller caller, String orgRef, String userId, @Valid RoleChange change) {
        Member member = find(access.requireAdmin(caller, orgRef).org().id, userId);
        member.role = change.role();
        member.updatedAt = Instant.now();
        events.member(EventTypes.Tenant.MEMBER_UPDATED, member);
        return member;
    }

    @Transactional
    public void remove(EdgeCaller caller, String orgRef, String userId) {
        Member member = find(access.requireAdmin(caller, orgRef).org().id, userId);
        members.delete(member);
        events.member(EventTypes.Tenant.MEMBER_REMOVED, member);
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
