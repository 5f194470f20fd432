package dev.attest.compliance.rest;

import dev.attest.common.paging.PageRequest;
import dev.attest.common.problem.ProblemException;
import dev.attest.common.security.Caller;
import dev.attest.common.security.Roles;
import dev.attest.compliance.CaseHistoryEntry;
import dev.attest.compliance.KycCase;
import dev.attest.compliance.service.KycCaseService;
import dev.attest.compliance.service.ReviewService;
import dev.attest.compliance.service.VerificationSteps;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;

/** The organization admins' review queue: cases by status, a case and its history, decisions. */
@Path("/orgs/{org}/kyc/cases")
@RolesAllowed(Roles.ORG_ADMIN)
public class ReviewQueueResource {
    private final ReviewService reviews;
    private final KycCaseService cases;
    private final VerificationSteps steps;
    private final Caller caller;

    ReviewQueueResource(ReviewService reviews, KycCaseService cases, VerificationSteps steps, Caller caller) {
        this.reviews = reviews;
        this.cases = cases;
        this.steps = steps;
        this.caller = caller;
    }

    public record CasePage(List<CaseView> items, int page, int size, long total) {}

    public record HistoryEntry(
            OffsetDateTime at, String fromStatus, String toStatus, String personaStatus, String actor, String reason) {

        static HistoryEntry of(CaseHistoryEntry entry) {
            return new HistoryEntry(
                    entry.at, entry.fromStatus, entry.toStatus, entry.providerStatus, entry.actor, entry.reason);
        }
    }

    @GET
    public CasePage list(
            @PathParam("org") String org, @Valid @BeanParam QueueFilter filter, @Valid @BeanParam PageRequest paging) {
        String orgId = caller.ownOrg(org);
        ReviewService.Page result = reviews.queue(orgId, filter.status(), paging.page, paging.size);
        return new CasePage(
                result.items().stream().map(CaseView::of).toList(), result.page(), result.size(), result.total());
    }

    @GET
    @Path("/{case_id}")
    public CaseView get(@PathParam("org") String org, @PathParam("case_id") String caseId) {
        String orgId = caller.ownOrg(org);
        return CaseView.of(cases.get(orgId, CaseIds.parse(caseId), Optional.empty()));
    }

    @GET
    @Path("/{case_id}/history")
    public List<HistoryEntry> history(@PathParam("org") String org, @PathParam("case_id") String caseId) {
        String orgId = caller.ownOrg(org);
        return reviews.history(orgId, CaseIds.parse(caseId)).stream()
                .map(HistoryEntry::of)
                .toList();
    }

    /** The case's verification steps, as its owner sees them: what the provider reported, and what is left. */
    @GET
    @Path("/{case_id}/steps")
    public StepsView steps(@PathParam("org") String org, @PathParam("case_id") String caseId) {
        String orgId = caller.ownOrg(org);
        KycCase kycCase = cases.get(orgId, CaseIds.parse(caseId), Optional.empty());
        return StepsView.of(kycCase, steps.of(kycCase));
    }

    @POST
    @Path("/{case_id}/decision")
    public CaseView decide(
            @PathParam("org") String org,
            @PathParam("case_id") String caseId,
            @NotNull @Valid ReviewDecision decision) {
        String orgId = caller.ownOrg(org);
        if (caller.subject() == null) {
            throw ProblemException.forbidden("A decision needs a named reviewer.");
        }
        return CaseView.of(
                reviews.decide(orgId, CaseIds.parse(caseId), decision.approves(), decision.reason(), caller.subject()));
    }
}
