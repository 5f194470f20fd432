package dev.attest.document.rest;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.attest.common.security.Caller;
import dev.attest.common.security.Roles;
import dev.attest.document.rest.Views.GrantView;
import dev.attest.document.rest.Views.ReleaseView;
import dev.attest.document.rest.Views.ReleasedKeyView;
import dev.attest.document.service.Ciphertexts;
import dev.attest.document.service.KeyGrants;
import dev.attest.document.service.KeyReleases;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

/** One document: its wrapped key (under access conditions), its ciphertext, auditor grants, the key's audit trail. */
@Path("/documents/{document_id}")
@RolesAllowed({Roles.USER, Roles.ORG_ADMIN})
public class DocumentResource {
    private final Caller caller;
    private final KeyReleases releases;
    private final Ciphertexts ciphertexts;
    private final KeyGrants grants;
    private final ObjectMapper mapper;

    DocumentResource(
            Caller caller, KeyReleases releases, Ciphertexts ciphertexts, KeyGrants grants, ObjectMapper mapper) {
        this.caller = caller;
        this.releases = releases;
        this.ciphertexts = ciphertexts;
        this.grants = grants;
        this.mapper = mapper;
    }

    /** The caller's wrapped data key, if its grant's conditions hold now (403 with the failed condition if not). */
    @GET
    @Path("/key")
    public ReleasedKeyView key(@PathParam("document_id") UUID documentId) {
        return ReleasedKeyView.of(releases.release(asker(), documentId).grant());
    }

    /** The ciphertext (the platform's copy until Arweave confirms it, then Arweave's), for holders of a grant. */
    @GET
    @Path("/ciphertext")
    @Produces("application/octet-stream")
    public Response ciphertext(@PathParam("document_id") UUID documentId) {
        return Response.ok(ciphertexts.of(asker(), documentId))
                .header("Cache-Control", "no-store")
                .build();
    }

    /**
     * The data key wrapped again, by the owner's or a reviewer's browser, for an auditor (time-bound, with optional
     * on-chain conditions) or for a reviewer who lacks a grant under their current key ({@code party: reviewer}; the
     * case view lists them per document). The service writes the conditions.
     */
    @POST
    @Path("/grants")
    @APIResponse(responseCode = "201", description = "the grant, with the conditions the service wrote")
    @APIResponse(
            responseCode = "400",
            description = "invalid-grants, stale-key, invalid-expiry, invalid-access-conditions")
    @APIResponse(responseCode = "403", description = "a reviewer grant asked by a caller who holds no grant")
    @APIResponse(responseCode = "409", description = "grant-exists, or case-decided for a reviewer grant")
    public Response grant(@PathParam("document_id") UUID documentId, @Valid @NotNull NewGrantInput input) {
        return Response.status(201)
                .entity(GrantView.of(grants.grant(asker(), documentId, input), mapper))
                .build();
    }

    @GET
    @Path("/releases")
    @RolesAllowed(Roles.ORG_ADMIN)
    public List<ReleaseView> releases(@PathParam("document_id") UUID documentId) {
        return releases.releases(caller.orgId(), documentId).stream()
                .map(ReleaseView::of)
                .toList();
    }

    private KeyReleases.Asker asker() {
        return new KeyReleases.Asker(caller.orgId(), caller.subject(), caller::hasRole);
    }
}
