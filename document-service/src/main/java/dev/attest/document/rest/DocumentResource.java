package dev.attest.document.rest;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.attest.common.security.Caller;
import dev.attest.common.security.Roles;
import dev.attest.document.rest.Views.GrantView;
import dev.attest.document.rest.Views.ReleaseView;
import dev.attest.document.rest.Views.ReleasedKeyView;
import dev.attest.document.service.Ciphertexts;
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

/** One document: its wrapped key (under access conditions), its ciphertext, auditor grants, the key's audit trail. */
@Path("/documents/{document_id}")
@RolesAllowed({Roles.USER, Roles.ORG_ADMIN})
public class DocumentResource {
    private final Caller caller;
    private final KeyReleases releases;
    private final Ciphertexts ciphertexts;
    private final ObjectMapper mapper;

    DocumentResource(Caller caller, KeyReleases releases, Ciphertexts ciphertexts, ObjectMapper mapper) {
        this.caller = caller;
        this.releases = releases;
        this.ciphertexts = ciphertexts;
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

    @POST
    @Path("/grants")
    public Response grantAuditor(@PathParam("document_id") UUID documentId, @Valid @NotNull AuditorGrantInput input) {
        return Response.status(201)
                .entity(GrantView.of(releases.grantAuditor(asker(), documentId, input), mapper))
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
