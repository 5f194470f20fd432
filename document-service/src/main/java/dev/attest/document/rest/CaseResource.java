package dev.attest.document.rest;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.attest.common.paging.PageRequest;
import dev.attest.common.security.Caller;
import dev.attest.common.security.Roles;
import dev.attest.document.CaseDecision;
import dev.attest.document.Document;
import dev.attest.document.DocumentCase;
import dev.attest.document.rest.Views.CaseSummaryView;
import dev.attest.document.rest.Views.CaseView;
import dev.attest.document.rest.Views.DecisionView;
import dev.attest.document.rest.Views.DocumentView;
import dev.attest.document.rest.Views.KeyView;
import dev.attest.document.rest.Views.RecipientsView;
import dev.attest.document.service.Cases;
import dev.attest.document.service.PartyKeys;
import dev.attest.document.service.Uploads;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** Document cases: a user's own (open on first use, what is missing, new documents), and the org's review queue. */
@Path("/documents/cases")
public class CaseResource {
    private final Caller caller;
    private final Cases cases;
    private final Uploads uploads;
    private final PartyKeys keys;
    private final ObjectMapper mapper;

    CaseResource(Caller caller, Cases cases, Uploads uploads, PartyKeys keys, ObjectMapper mapper) {
        this.caller = caller;
        this.cases = cases;
        this.uploads = uploads;
        this.keys = keys;
        this.mapper = mapper;
    }

    /** The caller's case for a project, opened if there is none yet (201 then, 200 after). */
    @POST
    @RolesAllowed(Roles.USER)
    public Response open(@Valid @NotNull OpenCaseInput input) {
        Cases.Opened opened = cases.open(caller.orgId(), input.projectId(), caller.subject());
        CaseView view =
                CaseView.of(cases.contents(caller.orgId(), opened.documentCase().id, caller.subject(), false), mapper);
        return Response.status(opened.created() ? 201 : 200).entity(view).build();
    }

    /** The review queue: the org's cases in a state (open by default), oldest first. */
    @GET
    @RolesAllowed(Roles.ORG_ADMIN)
    public List<CaseSummaryView> queue(
            @QueryParam("state") @DefaultValue("open") @Pattern(regexp = "open|approved|rejected") String state,
            @Valid @BeanParam PageRequest paging) {
        return cases.queue(caller.orgId(), state, paging.page, paging.size).stream()
                .map(CaseSummaryView::of)
                .toList();
    }

    @GET
    @Path("/{case_id}")
    @RolesAllowed({Roles.USER, Roles.ORG_ADMIN})
    public CaseView get(@PathParam("case_id") UUID caseId) {
        return CaseView.of(
                cases.contents(caller.orgId(), caseId, caller.subject(), caller.hasRole(Roles.ORG_ADMIN)), mapper);
    }

    /** The public keys a new document's data key must be wrapped for: the user's and every reviewer's. */
    @GET
    @Path("/{case_id}/recipients")
    @RolesAllowed(Roles.USER)
    public RecipientsView recipients(@PathParam("case_id") UUID caseId) {
        DocumentCase own = cases.visible(caller.orgId(), caseId, caller.subject(), false);
        List<KeyView> recipients = new ArrayList<>();
        keys.of(own.orgId, own.userId).ifPresent(k -> recipients.add(KeyView.of(k, mapper)));
        keys.reviewers(own.orgId).stream()
                .filter(k -> !k.subject.equals(own.userId))
                .forEach(k -> recipients.add(KeyView.of(k, mapper)));
        return new RecipientsView(recipients);
    }

    /**
     * Declares a document (its requirement, plaintext type, ciphertext size and SHA-256, and wrapped keys); the
     * ciphertext then goes to {@code upload_url} with the tus protocol.
     */
    @POST
    @Path("/{case_id}/documents")
    @RolesAllowed(Roles.USER)
    public Response create(@PathParam("case_id") UUID caseId, @Valid @NotNull NewDocumentInput input) {
        Document document = uploads.create(caller.orgId(), caller.subject(), caseId, input);
        return Response.status(201)
                .header("Location", "/documents/uploads/" + document.id)
                .entity(DocumentView.of(document))
                .build();
    }

    /** Decides an open case on the documents named; a decided case is closed to reviewers. */
    @POST
    @Path("/{case_id}/decision")
    @RolesAllowed(Roles.ORG_ADMIN)
    public DecisionView decide(@PathParam("case_id") UUID caseId, @Valid @NotNull DecisionInput input) {
        CaseDecision decision = cases.decide(caller.orgId(), caseId, caller.subject(), input);
        try {
            return new DecisionView(
                    decision.id.toString(),
                    decision.caseId.toString(),
                    decision.decision,
                    decision.decidedBy,
                    mapper.readTree(decision.documents),
                    decision.decidedAt);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
