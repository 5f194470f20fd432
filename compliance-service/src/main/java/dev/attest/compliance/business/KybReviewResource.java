package dev.attest.compliance.business;

import dev.attest.common.paging.PageRequest;
import dev.attest.common.security.Caller;
import dev.attest.common.security.Roles;
import dev.attest.compliance.KycStatus;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import java.util.List;
import java.util.Optional;

/** The organization admins' KYB queue: business cases by status, a case with its owners, decisions. */
@Path("/orgs/{org}/kyb/cases")
@RolesAllowed(Roles.ORG_ADMIN)
public class KybReviewResource {
    private final BusinessReviewService reviews;
    private final KybService kyb;
    private final Caller caller;

    KybReviewResource(BusinessReviewService reviews, KybService kyb, Caller caller) {
        this.reviews = reviews;
        this.kyb = kyb;
        this.caller = caller;
    }

    /** The queue's items show the case without its owners (the case's own page has them). */
    public record CasePage(List<BusinessCaseView> items, int page, int size, long total) {}

    /** A reviewer's decision; the reason is a code (it travels in events), never text about anyone. */
    public record Decision(
            @NotNull @Pattern(regexp = "approve|decline") String decision,
            @NotNull @Pattern(regexp = "[a-z0-9_.-]{1,64}") String reason) {}

    @GET
    public CasePage list(
            @PathParam("org") String org,
            @QueryParam("status") @Pattern(regexp = "pending|review|verified|rejected") String status,
            @Valid @BeanParam PageRequest paging) {
        String orgId = caller.ownOrg(org);
        BusinessReviewService.Page result =
                reviews.queue(orgId, Optional.ofNullable(status).map(KycStatus::fromWire), paging.page, paging.size);
        return new CasePage(
                result.items().stream()
                        .map(c -> BusinessCaseView.of(new KybService.Shown(c, Optional.empty(), List.of())))
                        .toList(),
                result.page(),
                result.size(),
                result.total());
    }

    @GET
    @Path("/{id}")
    public BusinessCaseView get(@PathParam("org") String org, @PathParam("id") String id) {
        String orgId = caller.ownOrg(org);
        return BusinessCaseView.of(kyb.get(orgId, KybResource.parse(id), Optional.empty()));
    }

    @POST
    @Path("/{id}/decision")
    public BusinessCaseView decide(
            @PathParam("org") String org, @PathParam("id") String id, @NotNull @Valid Decision decision) {
        String orgId = caller.ownOrg(org);
        return BusinessCaseView.of(reviews.decide(
                orgId,
                KybResource.parse(id),
                "approve".equals(decision.decision()),
                decision.reason(),
                caller.subject()));
    }
}
