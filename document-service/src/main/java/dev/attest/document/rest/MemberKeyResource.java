package dev.attest.document.rest;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.attest.common.problem.ProblemException;
import dev.attest.common.security.Caller;
import dev.attest.common.security.Roles;
import dev.attest.document.rest.Views.KeyView;
import dev.attest.document.service.PartyKeys;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;

/**
 * Another member's public key, for a reviewer's browser to wrap a document's data key for them (an auditor grant):
 * only the org's admins ask, and only for members of their own org. {@code /documents/keys/me} is the caller's own.
 */
@Path("/documents/keys/{subject}")
@RolesAllowed(Roles.ORG_ADMIN)
public class MemberKeyResource {
    private final Caller caller;
    private final PartyKeys keys;
    private final ObjectMapper mapper;

    MemberKeyResource(Caller caller, PartyKeys keys, ObjectMapper mapper) {
        this.caller = caller;
        this.keys = keys;
        this.mapper = mapper;
    }

    @GET
    public KeyView of(@PathParam("subject") @Size(max = 255) String subject) {
        return keys.of(caller.orgId(), subject)
                .map(k -> KeyView.of(k, mapper))
                .orElseThrow(() -> ProblemException.notFound("The member's key"));
    }
}
