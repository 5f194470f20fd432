package dev.attest.wallet.rest;

import dev.attest.common.security.Caller;
import dev.attest.common.security.Roles;
import dev.attest.wallet.service.TransferApprovalService;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import java.util.List;

/** Org admins' decisions on transfers above the org's approval threshold. */
@Path("/orgs/{org}/transfer-approvals")
@RolesAllowed(Roles.ORG_ADMIN)
public class TransferApprovalsResource {
    private final Caller caller;
    private final TransferApprovalService approvals;

    /** Body of a rejection. */
    public record Rejection(String reason) {}

    TransferApprovalsResource(Caller caller, TransferApprovalService approvals) {
        this.caller = caller;
        this.approvals = approvals;
    }

    /** The transfers awaiting approval, oldest first. */
    @GET
    public List<TransferView> awaiting(
            @PathParam("org") String org, @QueryParam("limit") @DefaultValue("50") @Min(1) @Max(100) int limit) {
        return approvals.awaiting(caller.ownOrg(org), limit).stream()
                .map(TransferView::of)
                .toList();
    }

    /** Approves the transfer: it is sent to Dfns now. */
    @POST
    @Path("/{transfer_id}/approve")
    public TransferView approve(@PathParam("org") String org, @PathParam("transfer_id") String transferId) {
        return TransferView.of(approvals.approve(caller.ownOrg(org), caller.subject(), transferId));
    }

    /** Rejects the transfer with a reason: it is never sent. */
    @POST
    @Path("/{transfer_id}/reject")
    public TransferView reject(
            @PathParam("org") String org, @PathParam("transfer_id") String transferId, Rejection rejection) {
        return TransferView.of(approvals.reject(
                caller.ownOrg(org), caller.subject(), transferId, rejection == null ? null : rejection.reason()));
    }
}
