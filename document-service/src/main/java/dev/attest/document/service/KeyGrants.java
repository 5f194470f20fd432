package dev.attest.document.service;

import com.fasterxml.jackson.databind.JsonNode;
import dev.attest.common.problem.ProblemException;
import dev.attest.common.security.Roles;
import dev.attest.document.Document;
import dev.attest.document.DocumentCase;
import dev.attest.document.KeyGrant;
import dev.attest.document.PartyKey;
import dev.attest.document.client.Base64Url;
import dev.attest.document.repository.CaseRepository;
import dev.attest.document.repository.DocumentRepository;
import dev.attest.document.repository.GrantRepository;
import dev.attest.document.rest.NewGrantInput;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Grants made after a document's declaration, by a browser that can unwrap its data key (the owner's or a reviewer's)
 * and wraps it again for someone else: an auditor, time-bound; or a reviewer the declaration could not name (who
 * joined later, or registered a new key), on the same conditions a declaration gives reviewers. Also tells which
 * reviewers of an open case still lack a grant, so that the console knows what to re-wrap.
 */
@ApplicationScoped
public class KeyGrants {
    static final Duration MAX_AUDITOR_GRANT = Duration.ofDays(90);

    private final DocumentRepository documents;
    private final CaseRepository cases;
    private final GrantRepository grants;
    private final PartyKeys keys;
    private final Clock clock;
    private final DocumentAudit audit;

    KeyGrants(
            DocumentRepository documents,
            CaseRepository cases,
            GrantRepository grants,
            PartyKeys keys,
            Clock clock,
            DocumentAudit audit) {
        this.audit = audit;
        this.documents = documents;
        this.cases = cases;
        this.grants = grants;
        this.keys = keys;
        this.clock = clock;
    }

    /** A grant of {@code input}'s party, made by the document's owner or an org-admin; else the document is 404. */
    @Transactional
    public KeyGrant grant(KeyReleases.Asker asker, UUID documentId, NewGrantInput input) {
        // Locked: two browsers re-wrapping for the same reviewer at once meet here, not at the unique key.
        Document document = documents
                .lockInOrg(asker.orgId(), documentId)
                .orElseThrow(() -> ProblemException.notFound("The document"));
        DocumentCase owner = cases.inOrg(asker.orgId(), document.caseId).orElseThrow();
        if (!asker.hasRole().apply(Roles.ORG_ADMIN) && !owner.userId.equals(asker.subject())) {
            throw ProblemException.notFound("The document");
        }
        KeyGrant kept = input.forReviewer() ? reviewer(asker, document, owner, input) : auditor(asker, document, input);
        grants.flush();
        audit.granted(kept, owner.projectId);
        return kept;
    }

    private KeyGrant auditor(KeyReleases.Asker asker, Document document, NewGrantInput input) {
        Instant now = clock.instant();
        if (input.expiresAt() == null
                || !input.expiresAt().isAfter(now)
                || input.expiresAt().isAfter(now.plus(MAX_AUDITOR_GRANT))) {
            throw ProblemException.badRequest(
                    "invalid-expiry",
                    "An auditor grant expires in the future and within " + MAX_AUDITOR_GRANT.toDays() + " days.");
        }
        PartyKey key = keys.of(asker.orgId(), input.subject())
                .filter(k -> k.keyId.equals(input.keyId()))
                .orElseThrow(() -> ProblemException.badRequest(
                        "stale-key", "The auditor has no registered key " + input.keyId() + "."));
        checkWrapped(input, key);
        JsonNode conditions = AccessConditions.auditor(input.subject(), input.expiresAt(), input.onChainConditions());
        KeyGrant grant = grants.of(document.id, input.subject()).orElseGet(KeyGrant::new);
        if (grant.id != null && !KeyGrant.AUDITOR.equals(grant.party)) {
            throw ProblemException.conflict("grant-exists", "The subject already holds a " + grant.party + " grant.");
        }
        return keep(grant, document, KeyGrant.AUDITOR, input, conditions);
    }

    /**
     * A reviewer's grant, re-wrapped by another holder: the subject must be a reviewer of the org (an org-admin's
     * key), wrapped under their current key, on a case still open, and hold no grant under that key yet (a grant
     * under a former key is replaced). The caller must hold a grant of their own: only their browser can unwrap.
     */
    private KeyGrant reviewer(KeyReleases.Asker asker, Document document, DocumentCase owner, NewGrantInput input) {
        if (input.expiresAt() != null
                || (input.onChainConditions() != null
                        && !input.onChainConditions().isNull())) {
            throw ProblemException.badRequest(
                    "invalid-grants",
                    "A reviewer grant's conditions are the service's: it takes no expiry or on-chain conditions.");
        }
        if (!owner.isOpen()) {
            throw ProblemException.conflict(
                    "case-decided", "The case was decided: its documents are closed to reviewers.");
        }
        if (grants.of(document.id, asker.subject()).isEmpty()) {
            throw ProblemException.forbidden("The caller holds no grant on the document: it has no key to re-wrap.");
        }
        PartyKey key = keys.of(asker.orgId(), input.subject())
                .filter(k -> k.reviewer && !k.subject.equals(owner.userId))
                .orElseThrow(() -> ProblemException.badRequest(
                        "invalid-grants", "Grant " + input.subject() + " is not a reviewer of the organization."));
        if (!key.keyId.equals(input.keyId())) {
            throw ProblemException.badRequest(
                    "stale-key", "Grant " + input.subject() + " is wrapped under a key that is not its current one.");
        }
        checkWrapped(input, key);
        KeyGrant grant = grants.of(document.id, input.subject()).orElseGet(KeyGrant::new);
        if (grant.id != null && (!KeyGrant.REVIEWER.equals(grant.party) || grant.keyId.equals(key.keyId))) {
            throw ProblemException.conflict(
                    "grant-exists", "The subject already holds a " + grant.party + " grant under its current key.");
        }
        JsonNode conditions = AccessConditions.reviewer(input.subject(), owner.orgId, owner.id.toString());
        return keep(grant, document, KeyGrant.REVIEWER, input, conditions);
    }

    /**
     * For each document of an open case, the org's reviewers (other than the case's user) with no grant under their
     * current key: who a reviewer's browser should re-wrap the data key for. Empty for a decided case.
     */
    public Map<UUID, List<PartyKey>> reviewersWithoutGrant(DocumentCase owner, List<Document> held) {
        Map<UUID, List<PartyKey>> missing = new LinkedHashMap<>();
        if (!owner.isOpen() || held.isEmpty()) {
            held.forEach(d -> missing.put(d.id, List.of()));
            return missing;
        }
        List<PartyKey> reviewers = keys.reviewers(owner.orgId).stream()
                .filter(k -> !k.subject.equals(owner.userId))
                .toList();
        Set<String> granted = new HashSet<>();
        grants.ofDocuments(held.stream().map(d -> d.id).toList())
                .forEach(g -> granted.add(g.documentId + " " + g.subject + " " + g.keyId));
        for (Document document : held) {
            missing.put(
                    document.id,
                    reviewers.stream()
                            .filter(k -> !granted.contains(document.id + " " + k.subject + " " + k.keyId))
                            .toList());
        }
        return missing;
    }

    private void checkWrapped(NewGrantInput input, PartyKey key) {
        if (decodedLength(input.wrappedKey()) != keys.modulusBytes(key)) {
            throw ProblemException.badRequest(
                    "invalid-grants", "The wrapped key is not an RSA-OAEP block of its key's size.");
        }
    }

    private static int decodedLength(String base64Url) {
        try {
            return Base64Url.decode(base64Url).length;
        } catch (IllegalArgumentException e) {
            return -1;
        }
    }

    private KeyGrant keep(KeyGrant grant, Document document, String party, NewGrantInput input, JsonNode conditions) {
        if (grant.id == null) {
            grant.id = UUID.randomUUID();
            grant.orgId = document.orgId;
            grant.documentId = document.id;
            grant.party = party;
            grant.subject = input.subject();
        }
        grant.keyId = input.keyId();
        grant.wrappedKey = input.wrappedKey();
        grant.conditions = conditions.toString();
        grant.createdAt = clock.instant();
        grants.persist(grant);
        return grant;
    }
}
