package dev.attest.document.rest;

import com.fasterxml.jackson.databind.JsonNode;
import dev.attest.document.Document;
import dev.attest.document.DocumentCase;
import dev.attest.document.DocumentRequirement;
import dev.attest.document.KeyGrant;
import dev.attest.document.KeyRelease;
import dev.attest.document.PartyKey;
import dev.attest.document.service.Cases;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The API's answers: each maps an entity explicitly, and none carries a document, a key or personal data. */
public final class Views {
    private Views() {}

    public record RequirementView(String kind, String title, List<String> acceptedTypes, long maxBytes) {
        static RequirementView of(DocumentRequirement r) {
            return new RequirementView(r.kind, r.title, Arrays.asList(r.acceptedTypes), r.maxBytes);
        }
    }

    public record RequirementsView(String projectId, List<RequirementView> requirements) {}

    public record KeyView(String subject, String keyId, JsonNode publicKey, boolean reviewer) {
        static KeyView of(PartyKey key, com.fasterxml.jackson.databind.ObjectMapper mapper) {
            try {
                return new KeyView(key.subject, key.keyId, mapper.readTree(key.publicKey), key.reviewer);
            } catch (java.io.IOException e) {
                throw new IllegalStateException(e);
            }
        }
    }

    /** Who a new document's data key must be wrapped for. */
    public record RecipientsView(List<KeyView> recipients) {}

    public record DocumentView(
            String id,
            String caseId,
            String requirement,
            String contentType,
            long size,
            long receivedBytes,
            String state,
            String arweaveTxId,
            Long blockHeight,
            int attempts,
            String lastError,
            String uploadUrl,
            Instant createdAt,
            @Schema(
                            description =
                                    "the org's reviewers whose current key has no grant on this document while the case"
                                            + " is open: a reviewer's browser re-wraps the data key for each"
                                            + " (POST /documents/{id}/grants, party reviewer)")
                    List<KeyView> reviewersWithoutGrant) {
        static DocumentView of(Document d) {
            return of(d, List.of());
        }

        static DocumentView of(Document d, List<KeyView> reviewersWithoutGrant) {
            return new DocumentView(
                    d.id.toString(),
                    d.caseId.toString(),
                    d.requirement,
                    d.contentType,
                    d.size,
                    d.receivedBytes,
                    d.state,
                    d.arweaveTxId,
                    d.blockHeight,
                    d.attempts,
                    d.lastError,
                    Document.UPLOADING.equals(d.state) ? "/documents/uploads/" + d.id : null,
                    d.createdAt,
                    reviewersWithoutGrant);
        }
    }

    public record CaseView(
            String id,
            String projectId,
            String userId,
            String state,
            Instant openedAt,
            Instant decidedAt,
            String decidedBy,
            List<RequirementView> requirements,
            List<String> missing,
            List<DocumentView> documents) {
        static CaseView of(Cases.CaseContents contents, com.fasterxml.jackson.databind.ObjectMapper mapper) {
            DocumentCase c = contents.documentCase();
            return new CaseView(
                    c.id.toString(),
                    c.projectId,
                    c.userId,
                    c.state,
                    c.openedAt,
                    c.decidedAt,
                    c.decidedBy,
                    contents.requirements().stream().map(RequirementView::of).toList(),
                    contents.missing(),
                    contents.documents().stream()
                            .map(d -> DocumentView.of(
                                    d,
                                    contents.reviewersWithoutGrant().getOrDefault(d.id, List.of()).stream()
                                            .map(k -> KeyView.of(k, mapper))
                                            .toList()))
                            .toList());
        }
    }

    public record CaseSummaryView(String id, String projectId, String userId, String state, Instant openedAt) {
        static CaseSummaryView of(DocumentCase c) {
            return new CaseSummaryView(c.id.toString(), c.projectId, c.userId, c.state, c.openedAt);
        }
    }

    /** A released key: still wrapped; only the caller's browser can unwrap it. */
    public record ReleasedKeyView(String documentId, String party, String keyId, String wrappedKey) {
        static ReleasedKeyView of(KeyGrant grant) {
            return new ReleasedKeyView(grant.documentId.toString(), grant.party, grant.keyId, grant.wrappedKey);
        }
    }

    public record GrantView(String id, String documentId, String party, String subject, JsonNode conditions) {
        static GrantView of(KeyGrant grant, com.fasterxml.jackson.databind.ObjectMapper mapper) {
            try {
                return new GrantView(
                        grant.id.toString(),
                        grant.documentId.toString(),
                        grant.party,
                        grant.subject,
                        mapper.readTree(grant.conditions));
            } catch (java.io.IOException e) {
                throw new IllegalStateException(e);
            }
        }
    }

    public record ReleaseView(String subject, String outcome, String reason, Instant at) {
        static ReleaseView of(KeyRelease r) {
            return new ReleaseView(r.subject, r.outcome, r.reason, r.at);
        }
    }

    public record DecisionView(
            String id, String caseId, String decision, String decidedBy, JsonNode documents, Instant decidedAt) {}
}
