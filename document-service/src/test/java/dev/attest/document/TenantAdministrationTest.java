package dev.attest.document;

import static dev.attest.document.support.DocumentApi.auditorGrant;
import static dev.attest.document.support.DocumentApi.registerKey;
import static dev.attest.testing.Waits.waitFor;
import static org.assertj.core.api.Assertions.assertThat;

import dev.attest.common.events.Topics;
import dev.attest.contracts.EventTypes;
import dev.attest.document.repository.DocumentRepository;
import dev.attest.document.service.ArweaveStorage;
import dev.attest.document.support.DocumentApi;
import dev.attest.document.support.DocumentTestResources;
import dev.attest.document.support.Party;
import dev.attest.testing.EventPublisher;
import dev.attest.testing.TenantEventData;
import dev.attest.testing.TestDatabase;
import io.agroal.api.AgroalDataSource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Issue 20 in document-service: a suspended organization's or project's documents are not posted to Arweave until it
 * is reactivated; a deleted organization's wrapped keys, held ciphertext, public keys and requirements are erased;
 * reviewers' and admins' actions are in the audit trail. Storage is driven by the test (its worker does not run).
 */
@QuarkusTest
@DocumentTestResources
class TenantAdministrationTest {
    @Inject
    ArweaveStorage storage;

    @Inject
    DocumentRepository documents;

    @Inject
    AgroalDataSource dataSource;

    @Test
    void aSuspendedProjectsDocumentWaitsAndIsStoredOnceItIsReactivated() {
        DocumentApi.Uploaded uploaded = DocumentApi.uploaded(new byte[3000]);
        String org = uploaded.org();
        project(org, "project-1", true, 10);
        waitFor("the replica knows the project is suspended")
                .until(() -> sql().count(
                                        "select count(*) from attest_tenant_project where project_id = 'project-1' and org_id = ?"
                                                + " and suspended",
                                        org)
                        == 1);

        assertThat(due()).as("not due while suspended").doesNotContain(UUID.fromString(uploaded.documentId()));
        storage.runPass();
        assertThat(sql().strings(
                                "select state || ' ' || attempts || ' ' || coalesce(arweave_tx_id, '-') from document"
                                        + " where id = ?::uuid",
                                uploaded.documentId()))
                .containsExactly("received 0 -");

        project(org, "project-1", false, 5);
        waitFor("stored once the project is reactivated").until(() -> {
            storage.runPass();
            return sql().count(
                                    "select count(*) from document where id = ?::uuid and state = 'stored'",
                                    uploaded.documentId())
                    == 1;
        });
    }

    @Test
    void aDeletedOrganizationsKeysCiphertextAndRequirementsAreErased() {
        DocumentApi.Uploaded deleted = DocumentApi.uploaded(new byte[1000]);
        DocumentApi.Uploaded kept = DocumentApi.uploaded(new byte[1000]);
        assertThat(rowsOf(deleted.org())).doesNotContainValue(0L);

        try (EventPublisher events = new EventPublisher()) {
            events.event(
                            Topics.TENANT,
                            EventTypes.Tenant.ORGANIZATION_DELETED,
                            deleted.org(),
                            deleted.org(),
                            Map.of("org_id", deleted.org(), "slug", "slug-" + deleted.org()))
                    .send();
        }

        waitFor("the organization's keys erased")
                .until(() -> rowsOf(deleted.org()).values().stream().allMatch(count -> count == 0));
        assertThat(rowsOf(kept.org())).doesNotContainValue(0L);
        assertThat(sql().strings(
                                "select state || ' ' || last_error from document where id = ?::uuid",
                                deleted.documentId()))
                .as("a document not on Arweave yet has nothing left to store")
                .containsExactly("failed organization deleted");
        assertThat(due()).doesNotContain(UUID.fromString(deleted.documentId()));
    }

    @Test
    void reviewersAndAdminsActionsAreAudited() {
        DocumentApi.Uploaded uploaded = DocumentApi.uploaded(new byte[1000]);
        String org = uploaded.org();
        Party auditor = Party.user(org, "auditor-1");
        String auditorKey = registerKey(auditor);
        auditorGrant(
                        uploaded.user(),
                        uploaded.documentId(),
                        auditor,
                        auditorKey,
                        uploaded.sealed().dataKey(),
                        List.of())
                .then()
                .statusCode(201);
        DocumentApi.decide(uploaded.reviewer(), uploaded.caseId(), "approved", List.of(uploaded.documentId()))
                .then()
                .statusCode(200);

        assertThat(sql().strings(
                                "select action || ' ' || target_type || ' ' || actor_subject from attest_audit_entry"
                                        + " where org_id = ? order by seq",
                                org))
                .containsExactly(
                        "reviewer-key.registered party-key reviewer-1",
                        "document-requirements.updated project reviewer-1",
                        "key-grant.created document user-1",
                        "document-case.approved document-case reviewer-1");
        String grant = sql().strings(
                        "select changes from attest_audit_entry where org_id = ? and action = 'key-grant.created'", org)
                .get(0);
        assertThat(grant).contains("\"auditor\"", "auditor-1", auditorKey);
        assertThat(sql().strings("select changes from attest_audit_entry where org_id = ?", org))
                .as("no wrapped key or public key in the trail")
                .noneMatch(changes -> changes != null && (changes.contains("wrapped") || changes.contains("\"n\"")));
    }

    private Map<String, Long> rowsOf(String org) {
        return Map.of(
                "key_grant", sql().count("select count(*) from key_grant where org_id = ?", org),
                "party_key", sql().count("select count(*) from party_key where org_id = ?", org),
                "document_requirement", sql().count("select count(*) from document_requirement where org_id = ?", org),
                "document_ciphertext",
                        sql().count(
                                        "select count(*) from document_ciphertext where document_id in"
                                                + " (select id from document where org_id = ?)",
                                        org));
    }

    private List<UUID> due() {
        return QuarkusTransaction.requiringNew().call(() -> documents.lockDue(Instant.now(), 10_000).stream()
                .map(d -> d.id)
                .toList());
    }

    /** The gateway's project event with {@code suspended}, {@code minutesAgo} old (the newest by event time wins). */
    private static void project(String org, String project, boolean suspended, int minutesAgo) {
        Map<String, Object> data = new HashMap<>(TenantEventData.project(org, project, "persona", "ethereum-sepolia"));
        data.put("suspended", suspended);
        try (EventPublisher events = new EventPublisher()) {
            events.event(Topics.TENANT, EventTypes.Tenant.PROJECT_UPDATED, org, org, data)
                    .time(OffsetDateTime.now().minusMinutes(minutesAgo))
                    .send();
        }
    }

    private TestDatabase sql() {
        return new TestDatabase(dataSource);
    }
}
