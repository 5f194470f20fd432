package dev.attest.compliance.rest;

import com.fasterxml.jackson.databind.JsonNode;
import dev.attest.common.problem.ProblemException;
import dev.attest.common.security.Caller;
import dev.attest.common.security.Roles;
import dev.attest.compliance.KycCase;
import dev.attest.compliance.service.ApplicantDataReader;
import dev.attest.compliance.service.ClaimService;
import dev.attest.compliance.service.KycCaseService;
import dev.attest.compliance.service.VerificationSteps;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import java.util.Optional;
import java.util.UUID;

/** The end user's KYC: start or resume, their case, their status and what to do next; claim references. */
@Path("/compliance/kyc")
public class KycResource {
    /** The API-key scope that may record claim references (external issuers). */
    public static final String CLAIMS_SCOPE = "kyc:write";

    private static final String HASH_32 = "^0x[0-9a-fA-F]{64}$";

    private final KycCaseService cases;
    private final ClaimService claims;
    private final VerificationSteps steps;
    private final Caller caller;

    KycResource(KycCaseService cases, ClaimService claims, VerificationSteps steps, Caller caller) {
        this.cases = cases;
        this.claims = claims;
        this.steps = steps;
        this.caller = caller;
    }

    /** The applicant's data is read (and bounded, field by field) by ApplicantDataReader. */
    public record StartKycRequest(
            @NotBlank @Size(max = 255) String userId,
            @NotNull @Pattern(regexp = "passport|drivers_license|id_card|residence_permit") String documentType,
            JsonNode documentData,
            JsonNode personalInfo) {}

    /**
     * A started case: {@code provider} names whose flow {@code session_token} opens (Persona's inquiry session, or
     * Sumsub's WebSDK access token). The {@code persona_*} names are kept for clients written before the second
     * provider; they carry the same values whatever the provider.
     */
    public record StartKycResponse(
            String caseId,
            String provider,
            String providerReference,
            String sessionToken,
            String personaInquiryId,
            String personaSessionToken,
            String status) {}

    public record MyKyc(String caseId, String kycStatus, String kycMessage, String nextAction) {}

    public record ClaimReferences(
            @NotNull @Pattern(regexp = HASH_32) String kycClaimId,
            @NotNull @Pattern(regexp = HASH_32) String kycClaimTxHash) {}

    @POST
    @RolesAllowed(Roles.USER)
    public StartKycResponse start(@NotNull @Valid StartKycRequest request) {
        if (!request.userId().equals(caller.subject())) {
            throw ProblemException.forbidden("A user can start verification only for themselves.");
        }
        KycCaseService.Started started = cases.start(new KycCaseService.StartRequest(
                caller.orgId(),
                caller.projectId(),
                caller.subject(),
                request.documentType(),
                ApplicantDataReader.read(present(request.personalInfo()), present(request.documentData()))));
        KycCase kycCase = started.kycCase();
        String sessionToken = started.sessionToken().orElse(null);
        return new StartKycResponse(
                kycCase.id.toString(),
                kycCase.provider,
                kycCase.providerReference,
                sessionToken,
                kycCase.providerReference,
                sessionToken,
                kycCase.status);
    }

    private static Optional<JsonNode> present(JsonNode node) {
        return Optional.ofNullable(node).filter(value -> !value.isNull());
    }

    @GET
    @Path("/me")
    @RolesAllowed({Roles.USER, Roles.ORG_ADMIN})
    public MyKyc me() {
        KycCaseService.UserStatus status = cases.statusOf(caller.orgId(), caller.subject());
        return new MyKyc(
                status.kycCase().map(kycCase -> kycCase.id.toString()).orElse(null),
                status.status().wire(),
                status.message(),
                status.next().name().toLowerCase());
    }

    @GET
    @Path("/{case_id}")
    @RolesAllowed({Roles.USER, Roles.ORG_ADMIN, Roles.API_KEY})
    public CaseView get(@PathParam("case_id") String caseId) {
        return CaseView.of(visibleCase(caseId));
    }

    /** The case's verification steps: the required ones, done or left, and every step reported. */
    @GET
    @Path("/{case_id}/steps")
    @RolesAllowed({Roles.USER, Roles.ORG_ADMIN})
    public StepsView steps(@PathParam("case_id") String caseId) {
        KycCase kycCase = visibleCase(caseId);
        return StepsView.of(kycCase, steps.of(kycCase));
    }

    /** A user sees only their own cases; admins and the organization's servers see all of its cases. */
    private KycCase visibleCase(String caseId) {
        Optional<String> onlyOfUser = caller.hasRole(Roles.USER) && !caller.hasRole(Roles.ORG_ADMIN)
                ? Optional.of(caller.subject())
                : Optional.empty();
        return cases.get(caller.orgId(), CaseIds.parse(caseId), onlyOfUser);
    }

    @PUT
    @Path("/{case_id}/claim")
    @RolesAllowed({Roles.ORG_ADMIN, Roles.API_KEY})
    public CaseView recordClaim(@PathParam("case_id") String caseId, @NotNull @Valid ClaimReferences references) {
        if (!caller.hasRole(Roles.ORG_ADMIN) && !caller.hasScope(CLAIMS_SCOPE)) {
            throw ProblemException.forbidden("Recording claim references needs the " + CLAIMS_SCOPE + " scope.");
        }
        UUID id = CaseIds.parse(caseId);
        return claims.record(caller.orgId(), id, references.kycClaimId(), references.kycClaimTxHash())
                .map(CaseView::of)
                .orElseThrow(() -> ProblemException.notFound("KYC case " + caseId));
    }
}
