package dev.attest.compliance.business;

import dev.attest.common.paging.PageRequest;
import dev.attest.common.security.Caller;
import dev.attest.common.security.Roles;
import dev.attest.compliance.rest.QueueFilter;
import dev.attest.compliance.rest.ReviewDecision;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
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

    @GET
    public CasePage list(
            @PathParam("org") String org, @Valid @BeanParam QueueFilter filter, @Valid @BeanParam PageRequest paging) {
        String orgId = caller.ownOrg(org);
        BusinessReviewService.Page result = reviews.queue(orgId, filter.status(), paging.page, paging.size);
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
            @PathParam("org") String org, @PathParam("id") String id, @NotNull @Valid ReviewDecision decision) {
        String orgId = caller.ownOrg(org);
        return BusinessCaseView.of(
                reviews.decide(orgId, KybResource.parse(id), decision.approves(), decision.reason(), caller.subject()));
    }
}
