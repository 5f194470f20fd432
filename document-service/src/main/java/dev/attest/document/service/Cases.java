package dev.attest.document.service;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.attest.common.outbox.Outbox;
import dev.attest.common.problem.ProblemException;
import dev.attest.document.CaseDecision;
import dev.attest.document.Document;
import dev.attest.document.DocumentCase;
import dev.attest.document.DocumentRequirement;
import dev.attest.document.PartyKey;
import dev.attest.document.config.DocumentConfig;
import dev.attest.document.events.DocumentEvents;
import dev.attest.document.events.DocumentEvents.DecidedDocument;
import dev.attest.document.repository.CaseRepository;
import dev.attest.document.repository.DocumentRepository;
import dev.attest.document.repository.RequirementRepository;
import dev.attest.document.rest.DecisionInput;
import dev.attest.document.rest.RequirementInput;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

/** What a project requires, each user's case, and a reviewer's decision on it. The one owner of case states. */
@ApplicationScoped
public class Cases {
    private final RequirementRepository requirements;
    private final CaseRepository cases;
    private final DocumentRepository documents;
    private final KeyGrants grants;
    private final Outbox outbox;
    private final ObjectMapper mapper;
    private final DocumentConfig config;
    private final Clock clock;
    private final DocumentAudit audit;

    Cases(
            RequirementRepository requirements,
            CaseRepository cases,
            DocumentRepository documents,
            KeyGrants grants,
            Outbox outbox,
            ObjectMapper mapper,
            DocumentConfig config,
            Clock clock,
            DocumentAudit audit) {
        this.audit = audit;
        this.requirements = requirements;
        this.cases = cases;
        this.documents = documents;
        this.grants = grants;
        this.outbox = outbox;
        this.mapper = mapper;
        this.config = config;
        this.clock = clock;
    }

    /**
     * A case with what it requires, the documents it holds, and for each document the reviewers whose current key
     * has no grant on it yet (empty once the case is decided).
     */
    public record CaseContents(
            DocumentCase documentCase,
            List<DocumentRequirement> requirements,
            List<Document> documents,
            Map<UUID, List<PartyKey>> reviewersWithoutGrant) {

        /** Kinds without a document that is at least received (uploading or failed ones do not count). */
        public List<String> missing() {
            var answered = documents.stream()
                    .filter(d -> !Document.UPLOADING.equals(d.state) && !Document.FAILED.equals(d.state))
                    .map(d -> d.requirement)
                    .collect(Collectors.toSet());
            return requirements.stream()
                    .map(r -> r.kind)
                    .filter(k -> !answered.contains(k))
                    .toList();
        }
    }

    /** Replaces what a project requires; validated whole before anything changes. */
    @Transactional
    public List<DocumentRequirement> replaceRequirements(String orgId, String projectId, List<RequirementInput> input) {
        var kinds = new HashSet<String>();
        for (RequirementInput item : input) {
            if (!kinds.add(item.kind())) {
                throw ProblemException.badRequest(
                        "duplicate-requirement", "Requirement " + item.kind() + " is listed twice.");
            }
            List<String> allowed = acceptedTypes(item.kind());
            for (String type : item.acceptedTypes()) {
                if (!allowed.contains(type)) {
                    throw ProblemException.badRequest(
                            "unsupported-document-type",
                            "Type " + type + " is not one the platform accepts for " + item.kind() + ": " + allowed);
                }
            }
            if (item.maxBytes() > config.uploads().maxBytes()) {
                throw ProblemException.badRequest(
                        "document-limit-too-large",
                        "Requirement " + item.kind() + " allows more than the platform's limit of "
                                + config.uploads().maxBytes() + " bytes.");
            }
        }
        List<DocumentRequirement> before = requirements.of(orgId, projectId);
        requirements.deleteOf(orgId, projectId);
        requirements.flush();
        int position = 0;
        for (RequirementInput item : input) {
            DocumentRequirement requirement = new DocumentRequirement();
            requirement.id = UUID.randomUUID();
            requirement.orgId = orgId;
            requirement.projectId = projectId;
            requirement.kind = item.kind();
            requirement.title = item.title();
            requirement.acceptedTypes = item.acceptedTypes().toArray(String[]::new);
            requirement.maxBytes = item.maxBytes();
            requirement.position = position++;
            requirements.persist(requirement);
        }
        requirements.flush();
        List<DocumentRequirement> after = requirements.of(orgId, projectId);
        audit.requirementsReplaced(orgId, projectId, before, after);
        return after;
    }

    /**
     * The plaintext types a requirement of {@code kind} may accept: the configured ones, and for a
     * {@value DocumentRequirement#PERSONAL_DATA} form also its JSON, which the console encrypts as a document.
     */
    List<String> acceptedTypes(String kind) {
        List<String> configured = config.uploads().acceptedTypes();
        if (!DocumentRequirement.PERSONAL_DATA.equals(kind) || configured.contains(DocumentRequirement.FORM_TYPE)) {
            return configured;
        }
        return java.util.stream.Stream.concat(
                        configured.stream(), java.util.stream.Stream.of(DocumentRequirement.FORM_TYPE))
                .toList();
    }

    public List<DocumentRequirement> requirements(String orgId, String projectId) {
        return requirements.of(orgId, projectId);
    }

    /** A case, and whether this call opened it. */
    public record Opened(DocumentCase documentCase, boolean created) {}

    /**
     * The caller's case for a project, opened on first use; a project that requires nothing has no cases. Safe when
     * the console sends its first request twice at once: one opens the case, the other gets it.
     */
    @Transactional
    public Opened open(String orgId, String projectId, String userId) {
        if (requirements.of(orgId, projectId).isEmpty()) {
            throw ProblemException.notFound("The project's document requirements");
        }
        var existing = cases.of(orgId, projectId, userId);
        if (existing.isPresent()) {
            return new Opened(existing.get(), false);
        }
        DocumentCase opened = new DocumentCase();
        opened.id = UUID.randomUUID();
        opened.orgId = orgId;
        opened.projectId = projectId;
        opened.userId = userId;
        opened.state = DocumentCase.OPEN;
        opened.openedAt = clock.instant();
        boolean created = cases.insertIfAbsent(opened);
        return new Opened(cases.of(orgId, projectId, userId).orElseThrow(), created);
    }

    /** A case the caller may see: their own, or any of the org's for a reviewer; else 404. */
    public CaseContents contents(String orgId, UUID caseId, String subject, boolean reviewer) {
        DocumentCase found = visible(orgId, caseId, subject, reviewer);
        List<Document> held = documents.ofCase(found.id);
        return new CaseContents(
                found, requirements.of(orgId, found.projectId), held, grants.reviewersWithoutGrant(found, held));
    }

    public DocumentCase visible(String orgId, UUID caseId, String subject, boolean reviewer) {
        return cases.inOrg(orgId, caseId)
                .filter(c -> reviewer || c.userId.equals(subject))
                .orElseThrow(() -> ProblemException.notFound("The case"));
    }

    public List<DocumentCase> queue(String orgId, String state, int page, int size) {
        return cases.inState(orgId, state, page, size);
    }

    /**
     * Decides an open case on the documents named, all of which must be the case's and received at least (their
     * ciphertext is whole). Closing the case ends every reviewer grant of its documents.
     */
    @Transactional
    public CaseDecision decide(String orgId, UUID caseId, String reviewer, DecisionInput input) {
        DocumentCase decided = cases.lockInOrg(orgId, caseId).orElseThrow(() -> ProblemException.notFound("The case"));
        if (!decided.isOpen()) {
            throw ProblemException.conflict(
                    "case-decided", "The case was decided already: it is " + decided.state + ".");
        }
        Map<UUID, Document> held =
                documents.ofCase(caseId).stream().collect(Collectors.toMap(d -> d.id, Function.identity()));
        List<DecidedDocument> basis = input.documentIds().stream()
                .distinct()
                .map(id -> {
                    Document document = held.get(id);
                    if (document == null || Document.UPLOADING.equals(document.state)) {
                        throw ProblemException.badRequest(
                                "unknown-document", "Document " + id + " is not a received document of this case.");
                    }
                    return new DecidedDocument(id.toString(), document.arweaveTxId);
                })
                .toList();
        CaseDecision decision = new CaseDecision();
        decision.id = UUID.randomUUID();
        decision.orgId = orgId;
        decision.caseId = caseId;
        decision.decision = input.decision();
        decision.decidedBy = reviewer;
        decision.decidedAt = clock.instant();
        try {
            decision.documents = mapper.writeValueAsString(basis);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        decision.persist();
        decided.state = input.decision();
        decided.decidedAt = decision.decidedAt;
        decided.decidedBy = reviewer;
        outbox.publish(DocumentEvents.decided(decided, decision, basis));
        cases.flush();
        audit.decided(decided, decision, basis.size());
        return decision;
    }
}
