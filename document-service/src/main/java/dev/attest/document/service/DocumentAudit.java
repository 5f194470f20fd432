package dev.attest.document.service;

import dev.attest.common.audit.AuditChanges;
import dev.attest.common.audit.AuditEntry;
import dev.attest.common.audit.AuditTrail;
import dev.attest.document.CaseDecision;
import dev.attest.document.DocumentCase;
import dev.attest.document.DocumentRequirement;
import dev.attest.document.KeyGrant;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * document-service's admin and security-relevant actions in the audit trail (issue 20, docs/audit.md): a reviewer's
 * decision on a document case, a project's requirements replaced, a data key granted to another party (who may read a
 * document, and under which conditions), a reviewer's public key registered (what documents are wrapped for from
 * then on). Never a wrapped key, a public key's value or anything of a document's content: references only. Each
 * entry is written in the action's transaction; actor and source come from the request.
 */
@ApplicationScoped
public class DocumentAudit {
    private final AuditTrail trail;

    DocumentAudit(AuditTrail trail) {
        this.trail = trail;
    }

    void decided(DocumentCase decided, CaseDecision decision, int documents) {
        trail.record(AuditEntry.of(
                        "document-case." + decision.decision, decided.orgId, "document-case", decided.id.toString())
                .withProject(decided.projectId)
                .withChanges(AuditChanges.of(
                        Map.of("state", DocumentCase.OPEN),
                        Map.of("state", decision.decision, "documents", Integer.toString(documents)))));
    }

    void requirementsReplaced(
            String orgId, String projectId, List<DocumentRequirement> before, List<DocumentRequirement> after) {
        trail.record(AuditEntry.of("document-requirements.updated", orgId, "project", projectId)
                .withProject(projectId)
                .withChanges(
                        AuditChanges.of(Map.of("requirements", view(before)), Map.of("requirements", view(after)))));
    }

    void granted(KeyGrant grant, String projectId) {
        Map<String, Object> after = new LinkedHashMap<>();
        after.put("party", grant.party);
        after.put("subject", grant.subject);
        after.put("key_id", grant.keyId);
        trail.record(AuditEntry.of("key-grant.created", grant.orgId, "document", grant.documentId.toString())
                .withProject(projectId)
                .withChanges(AuditChanges.of(Map.of(), after)));
    }

    void reviewerKeyRegistered(String orgId, String subject, String keyId) {
        trail.record(AuditEntry.of("reviewer-key.registered", orgId, "party-key", subject)
                .withChanges(AuditChanges.of(Map.of(), Map.of("key_id", keyId))));
    }

    private static List<Map<String, Object>> view(List<DocumentRequirement> requirements) {
        return requirements.stream()
                .map(r -> {
                    Map<String, Object> item = new LinkedHashMap<>();
                    item.put("kind", r.kind);
                    item.put("title", r.title);
                    item.put("accepted_types", List.of(r.acceptedTypes));
                    item.put("max_bytes", r.maxBytes);
                    return item;
                })
                .toList();
    }
}
