package dev.attest.document.rest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.attest.common.problem.ProblemException;
import dev.attest.common.security.Caller;
import dev.attest.common.security.Roles;
import dev.attest.document.rest.Views.KeyView;
import dev.attest.document.service.PartyKeys;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;

/**
 * The caller's public key, made in their browser (RSA-OAEP-256; the private key stays there, non-extractable). An
 * org-admin's key is a reviewer key: new documents of the org are wrapped for it.
 */
@Path("/documents/keys/me")
@RolesAllowed({Roles.USER, Roles.ORG_ADMIN})
public class KeyResource {
    private final Caller caller;
    private final PartyKeys keys;
    private final ObjectMapper mapper;

    KeyResource(Caller caller, PartyKeys keys, ObjectMapper mapper) {
        this.caller = caller;
        this.keys = keys;
        this.mapper = mapper;
    }

    public record KeyInput(@NotNull JsonNode publicKey) {}

    @PUT
    public KeyView register(@jakarta.validation.Valid @NotNull KeyInput input) {
        return KeyView.of(
                keys.register(caller.orgId(), caller.subject(), caller.hasRole(Roles.ORG_ADMIN), input.publicKey()),
                mapper);
    }

    @GET
    public KeyView mine() {
        return keys.of(caller.orgId(), caller.subject())
                .map(k -> KeyView.of(k, mapper))
                .orElseThrow(() -> ProblemException.notFound("The caller's key"));
    }
}
