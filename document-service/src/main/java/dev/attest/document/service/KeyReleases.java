package dev.attest.document.service;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.attest.common.problem.ProblemException;
import dev.attest.document.Document;
import dev.attest.document.KeyGrant;
import dev.attest.document.KeyRelease;
import dev.attest.document.repository.CaseRepository;
import dev.attest.document.repository.DocumentRepository;
import dev.attest.document.repository.GrantRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.io.IOException;
import java.time.Clock;
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
    private final DocumentRepository documents;
    private final CaseRepository cases;
    private final GrantRepository grants;
    private final ConditionEvaluator evaluator;
    private final ObjectMapper mapper;
    private final Clock clock;

    KeyReleases(
            DocumentRepository documents,
            CaseRepository cases,
            GrantRepository grants,
            ConditionEvaluator evaluator,
            ObjectMapper mapper,
            Clock clock) {
        this.documents = documents;
        this.cases = cases;
        this.grants = grants;
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
