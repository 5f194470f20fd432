package dev.attest.document.service;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.attest.common.problem.ProblemException;
import dev.attest.common.security.Roles;
import dev.attest.document.Document;
import dev.attest.document.DocumentCase;
import dev.attest.document.KeyGrant;
import dev.attest.document.KeyRelease;
import dev.attest.document.PartyKey;
import dev.attest.document.repository.CaseRepository;
import dev.attest.document.repository.DocumentRepository;
import dev.attest.document.repository.GrantRepository;
import dev.attest.document.rest.AuditorGrantInput;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;

/**
 * Releases wrapped data keys, in the role Lit's nodes play: the caller's grant's conditions are decided first
 * ({@link ConditionEvaluator}), and every release and every refusal is recorded ({@code key_release}) in the same
 * transaction as the answer. A refusal is 403 with the condition that failed; a document of another organization is
 * 404, as if it did not exist.
 */
@ApplicationScoped
public class KeyReleases {
    static final Duration MAX_AUDITOR_GRANT = Duration.ofDays(90);

    private final DocumentRepository documents;
    private final CaseRepository cases;
    private final GrantRepository grants;
    private final PartyKeys keys;
    private final ConditionEvaluator evaluator;
    private final ObjectMapper mapper;
    private final Clock clock;

    KeyReleases(
            DocumentRepository documents,
            CaseRepository cases,
            GrantRepository grants,
            PartyKeys keys,
            ConditionEvaluator evaluator,
            ObjectMapper mapper,
            Clock clock) {
        this.documents = documents;
        this.cases = cases;
        this.grants = grants;
        this.keys = keys;
        this.evaluator = evaluator;
        this.mapper = mapper;
        this.clock = clock;
    }

    /** Who asks: the gateway token's subject, organization and roles. */
    public record Asker(String orgId, String subject, Function<String, Boolean> hasRole) {}

    /** What was released: the caller's wrapped key, and the key it is wrapped under. */
    public record Released(KeyGrant grant, Document document) {}

    public static class Refused extends ProblemException {
        Refused(String reason) {
            super(403, "access-refused", "Access refused", "The key is not released: " + reason + ".");
        }
    }

    @Transactional(dontRollbackOn = Refused.class)
    public Released release(Asker asker, UUID documentId) {
        Document document =
                documents.inOrg(asker.orgId(), documentId).orElseThrow(() -> ProblemException.notFound("The document"));
        Optional<KeyGrant> grant = grants.of(documentId, asker.subject());
        Optional<String> refusal = grant.isEmpty()
                ? Optional.of("there is no grant for the caller")
                : evaluator.refusal(conditions(grant.get()), facts(asker));
        KeyRelease release = new KeyRelease();
        release.orgId = asker.orgId();
        release.documentId = documentId;
        release.grantId = grant.map(g -> g.id).orElse(null);
        release.subject = asker.subject();
        release.outcome = refusal.isPresent() ? KeyRelease.REFUSED : KeyRelease.RELEASED;
        release.reason = refusal.orElseGet(() -> grant.get().party + " grant");
        release.at = clock.instant();
        grants.record(release);
        if (refusal.isPresent()) {
            throw new Refused(refusal.get());
        }
        return new Released(grant.get(), document);
    }

    /**
     * A time-bound grant to an auditor, made by the document's owner or a reviewer (whose browsers can unwrap the key
     * to wrap it again); the auditor must have registered the key it is wrapped under.
     */
    @Transactional
    public KeyGrant grantAuditor(Asker asker, UUID documentId, AuditorGrantInput input) {
        Document document =
                documents.inOrg(asker.orgId(), documentId).orElseThrow(() -> ProblemException.notFound("The document"));
        DocumentCase owner = cases.inOrg(asker.orgId(), document.caseId).orElseThrow();
        boolean reviewer = asker.hasRole().apply(Roles.ORG_ADMIN);
        if (!reviewer && !owner.userId.equals(asker.subject())) {
            throw ProblemException.notFound("The document");
        }
        Instant now = clock.instant();
        if (!input.expiresAt().isAfter(now) || input.expiresAt().isAfter(now.plus(MAX_AUDITOR_GRANT))) {
            throw ProblemException.badRequest(
                    "invalid-expiry",
                    "An auditor grant expires in the future and within " + MAX_AUDITOR_GRANT.toDays() + " days.");
        }
        PartyKey key = keys.of(asker.orgId(), input.subject())
                .filter(k -> k.keyId.equals(input.keyId()))
                .orElseThrow(() -> ProblemException.badRequest(
                        "stale-key", "The auditor has no registered key " + input.keyId() + "."));
        if (!input.wrappedKey().matches("^[A-Za-z0-9_-]+$")
                || dev.attest.document.client.Base64Url.decode(input.wrappedKey()).length != keys.modulusBytes(key)) {
            throw ProblemException.badRequest(
                    "invalid-grants", "The wrapped key is not an RSA-OAEP block of its key's size.");
        }
        JsonNode conditions = AccessConditions.auditor(input.subject(), input.expiresAt(), input.onChainConditions());
        KeyGrant grant = grants.of(documentId, input.subject()).orElseGet(KeyGrant::new);
        if (grant.id != null && !KeyGrant.AUDITOR.equals(grant.party)) {
            throw ProblemException.conflict("grant-exists", "The subject already holds a " + grant.party + " grant.");
        }
        if (grant.id == null) {
            grant.id = UUID.randomUUID();
            grant.orgId = asker.orgId();
            grant.documentId = documentId;
            grant.party = KeyGrant.AUDITOR;
            grant.subject = input.subject();
        }
        grant.keyId = input.keyId();
        grant.wrappedKey = input.wrappedKey();
        grant.conditions = conditions.toString();
        grant.createdAt = now;
        grants.persist(grant);
        return grant;
    }

    /** The audit trail of a document's key: org-admins only (the resource checks the role). */
    public List<KeyRelease> releases(String orgId, UUID documentId) {
        documents.inOrg(orgId, documentId).orElseThrow(() -> ProblemException.notFound("The document"));
        return grants.releases(orgId, documentId);
    }

    private ConditionEvaluator.Facts facts(Asker asker) {
        return new ConditionEvaluator.Facts(
                asker.subject(),
                asker.orgId(),
                asker.hasRole(),
                caseId -> {
                    try {
                        return cases.inOrg(asker.orgId(), UUID.fromString(caseId))
                                .map(c -> c.state);
                    } catch (IllegalArgumentException e) {
                        return Optional.empty();
                    }
                },
                clock.instant().getEpochSecond());
    }

    private JsonNode conditions(KeyGrant grant) {
        try {
            return mapper.readTree(grant.conditions);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
