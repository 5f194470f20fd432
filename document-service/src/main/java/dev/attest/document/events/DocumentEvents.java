package dev.attest.document.events;

import dev.attest.common.events.OutgoingEvent;
import dev.attest.common.events.Topics;
import dev.attest.contracts.EventTypes;
import dev.attest.document.CaseDecision;
import dev.attest.document.Document;
import dev.attest.document.DocumentCase;
import java.util.List;

/**
 * The events document-service publishes: ids, states and Arweave ids; never a document, a key or personal data. Each
 * is keyed by the case's user ({@code org:user}, so one person's events stay in order) and made by {@link #event}.
 */
public final class DocumentEvents {
    private DocumentEvents() {}

    public record Stored(
            String documentId,
            String caseId,
            String projectId,
            String userId,
            String requirement,
            String arweaveTxId) {}

    public record Confirmed(
            String documentId, String caseId, String projectId, String userId, String arweaveTxId, long blockHeight) {}

    public record StorageFailed(String documentId, String caseId, String projectId, String userId, int attempts) {}

    public record DecidedDocument(String documentId, String arweaveTxId) {}

    public record CaseDecided(
            String caseId,
            String projectId,
            String userId,
            String decision,
            String decidedBy,
            List<DecidedDocument> documents) {}

    public static OutgoingEvent stored(Document document, DocumentCase owner) {
        return event(
                EventTypes.Document.STORED,
                owner,
                subject(document),
                new Stored(
                        document.id.toString(),
                        owner.id.toString(),
                        owner.projectId,
                        owner.userId,
                        document.requirement,
                        document.arweaveTxId));
    }

    public static OutgoingEvent confirmed(Document document, DocumentCase owner) {
        return event(
                EventTypes.Document.CONFIRMED,
                owner,
                subject(document),
                new Confirmed(
                        document.id.toString(),
                        owner.id.toString(),
                        owner.projectId,
                        owner.userId,
                        document.arweaveTxId,
                        document.blockHeight));
    }

    public static OutgoingEvent storageFailed(Document document, DocumentCase owner) {
        return event(
                EventTypes.Document.STORAGE_FAILED,
                owner,
                subject(document),
                new StorageFailed(
                        document.id.toString(), owner.id.toString(), owner.projectId, owner.userId, document.attempts));
    }

    public static OutgoingEvent decided(DocumentCase decided, CaseDecision decision, List<DecidedDocument> documents) {
        return event(
                EventTypes.Document.CASE_DECIDED,
                decided,
                "document-case/" + decided.id,
                new CaseDecided(
                        decided.id.toString(),
                        decided.projectId,
                        decided.userId,
                        decision.decision,
                        decision.decidedBy,
                        documents));
    }

    private static String subject(Document document) {
        return "document/" + document.id;
    }

    private static OutgoingEvent event(String type, DocumentCase owner, String subject, Object data) {
        return new OutgoingEvent(Topics.DOCUMENT, type, owner.orgId + ":" + owner.userId, subject, owner.orgId, data);
    }
}
