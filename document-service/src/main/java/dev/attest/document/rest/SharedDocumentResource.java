package dev.attest.document.rest;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.attest.common.security.Caller;
import dev.attest.common.security.Roles;
import dev.attest.document.Document;
import dev.attest.document.KeyGrant;
import dev.attest.document.service.AccessConditions;
import jakarta.annotation.security.RolesAllowed;
import jakarta.persistence.EntityManager;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.List;

/**
 * The documents others shared with the caller as an auditor (time-bound grants), newest first, expired ones included
 * so that the person sees what they had: each is opened like any other, with {@code GET /documents/{id}/key}, which
 * decides the grant's conditions again.
 */
@Path("/documents/shared-with-me")
@RolesAllowed({Roles.USER, Roles.ORG_ADMIN})
public class SharedDocumentResource {
    private final Caller caller;
    private final EntityManager entities;
    private final ObjectMapper mapper;

    SharedDocumentResource(Caller caller, EntityManager entities, ObjectMapper mapper) {
        this.caller = caller;
        this.entities = entities;
        this.mapper = mapper;
    }

    public record SharedDocumentView(
            String documentId,
            String caseId,
            String requirement,
            String contentType,
            String state,
            String arweaveTxId,
            Instant grantedAt,
            Instant expiresAt) {}

    @GET
    public List<SharedDocumentView> list() {
        return entities
                .createQuery(
                        "select g, d from KeyGrant g, Document d where d.id = g.documentId and d.orgId = g.orgId"
                                + " and g.orgId = :org and g.subject = :subject and g.party = :party"
                                + " order by g.createdAt desc",
                        Object[].class)
                .setParameter("org", caller.orgId())
                .setParameter("subject", caller.subject())
                .setParameter("party", KeyGrant.AUDITOR)
                .setMaxResults(500)
                .getResultList()
                .stream()
                .map(row -> view((KeyGrant) row[0], (Document) row[1]))
                .toList();
    }

    private SharedDocumentView view(KeyGrant grant, Document document) {
        try {
            return new SharedDocumentView(
                    document.id.toString(),
                    document.caseId.toString(),
                    document.requirement,
                    document.contentType,
                    document.state,
                    document.arweaveTxId,
                    grant.createdAt,
                    AccessConditions.expiry(mapper.readTree(grant.conditions)).orElse(null));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
