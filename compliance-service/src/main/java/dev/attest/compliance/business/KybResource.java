package dev.attest.compliance.business;

import dev.attest.common.problem.ProblemException;
import dev.attest.common.security.Caller;
import dev.attest.common.security.Roles;
import dev.attest.compliance.rest.KycResource;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** A representative's business cases: apply (or retry), read, and fresh verification links for owners. */
@Path("/compliance/kyb")
public class KybResource {
    private static final String HASH_32 = "^0x[0-9a-fA-F]{64}$";

    private final KybService kyb;
    private final BusinessClaims claims;
    private final Caller caller;

    KybResource(KybService kyb, BusinessClaims claims, Caller caller) {
        this.kyb = kyb;
        this.claims = claims;
        this.caller = caller;
    }

    public record MyBusinessCases(List<BusinessCaseView> items) {}

    public record Link(String ownerId, String verificationLink) {}

    public record ClaimReferences(
            @NotNull @Pattern(regexp = HASH_32) String kybClaimId,
            @NotNull @Pattern(regexp = HASH_32) String kybClaimTxHash) {}

    @POST
    @RolesAllowed(Roles.USER)
    public Response apply(@NotNull @Valid ApplyRequest request) {
        KybService.Shown shown =
                kyb.apply(caller.orgId(), caller.projectId(), caller.subject(), request.toApplication());
        return Response.status(201).entity(BusinessCaseView.of(shown)).build();
    }

    @GET
    @Path("/me")
    @RolesAllowed(Roles.USER)
    public MyBusinessCases mine() {
        return new MyBusinessCases(kyb.ofRepresentative(caller.orgId(), caller.subject()).stream()
                .map(BusinessCaseView::of)
                .toList());
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({Roles.USER, Roles.ORG_ADMIN})
    public BusinessCaseView get(@PathParam("id") String id) {
        return BusinessCaseView.of(kyb.get(caller.orgId(), parse(id), onlyOfRepresentative()));
    }

    @POST
    @Path("/{id}/owners/{owner_id}/link")
    @RolesAllowed({Roles.USER, Roles.ORG_ADMIN})
    public Link link(@PathParam("id") String id, @PathParam("owner_id") String ownerId) {
        UUID owner = parse(ownerId);
        return new Link(ownerId, kyb.link(caller.orgId(), parse(id), onlyOfRepresentative(), owner));
    }

    /** The claim references of a business case, as for KYC cases ({@code kyc:write} for API keys). */
    @PUT
    @Path("/{id}/claim")
    @RolesAllowed({Roles.ORG_ADMIN, Roles.API_KEY})
    public BusinessCaseView recordClaim(@PathParam("id") String id, @NotNull @Valid ClaimReferences references) {
        if (!caller.hasRole(Roles.ORG_ADMIN) && !caller.hasScope(KycResource.CLAIMS_SCOPE)) {
            throw ProblemException.forbidden(
                    "Recording claim references needs the " + KycResource.CLAIMS_SCOPE + " scope.");
        }
        UUID caseId = parse(id);
        claims.record(caller.orgId(), caseId, references.kybClaimId(), references.kybClaimTxHash())
                .orElseThrow(() -> ProblemException.notFound("business case " + id));
        return BusinessCaseView.of(kyb.get(caller.orgId(), caseId, Optional.empty()));
    }

    /** A representative sees only their own business cases; the organization's admins see all of them. */
    private Optional<String> onlyOfRepresentative() {
        return caller.hasRole(Roles.ORG_ADMIN) ? Optional.empty() : Optional.of(caller.subject());
    }

    /** Something that is not an id names nothing here. */
    static UUID parse(String id) {
        try {
            return UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            throw ProblemException.notFound("business case " + id);
        }
    }
}
