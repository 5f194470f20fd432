package dev.attest.document;

import static dev.attest.document.support.DocumentApi.caseView;
import static dev.attest.document.support.DocumentApi.declare;
import static dev.attest.document.support.DocumentApi.key;
import static dev.attest.document.support.DocumentApi.offset;
import static dev.attest.document.support.DocumentApi.openCase;
import static dev.attest.document.support.DocumentApi.patch;
import static dev.attest.document.support.DocumentApi.registerKey;
import static dev.attest.document.support.DocumentApi.requireDocuments;
import static dev.attest.document.support.DocumentApi.upload;
import static dev.attest.testing.Waits.waitFor;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import dev.attest.common.events.Topics;
import dev.attest.contracts.EventTypes;
import dev.attest.document.service.ArweaveStorage;
import dev.attest.document.support.Browser;
import dev.attest.document.support.DocumentApi;
import dev.attest.document.support.DocumentTestResources;
import dev.attest.document.support.Party;
import dev.attest.testing.ArlocalResource;
import dev.attest.testing.TopicReader;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

@QuarkusTest
@DocumentTestResources
class DocumentLifecycleTest {
    @Inject
    ArweaveStorage storage;

    @Test
    void aDocumentIsUploadedInResumedChunksStoredOnArweaveAndDecryptedByTheReviewer() throws Exception {
        String org = "org-" + UUID.randomUUID();
        Party user = Party.user(org, "user-1");
        Party reviewer = Party.reviewer(org, "reviewer-1");
        registerKey(user);
        registerKey(reviewer);
        requireDocuments(reviewer, "project-1", 1_000_000);
        String caseId = openCase(user, "project-1");
        assertThat(caseView(user, caseId).getList("missing")).containsExactly("proof-of-address", "source-of-funds");

        byte[] plaintext = pdf(150_000);
        Browser.Sealed sealed = Browser.encrypt(plaintext, caseId + ":proof-of-address");
        String documentId = declare(user, caseId, "proof-of-address", sealed);

        // The first chunk arrives, then the connection is cut: the server says where to resume.
        byte[] first = Arrays.copyOfRange(sealed.ciphertext(), 0, 65_536);
        patch(user, documentId, 0, first).then().statusCode(204).header("Upload-Offset", "65536");
        assertThat(offset(user, documentId)).isEqualTo(65_536);
        assertThat(document(user, caseId, documentId).getString("state")).isEqualTo("uploading");
        upload(user, documentId, sealed.ciphertext(), 65_536);

        JsonPath received = caseView(user, caseId);
        assertThat(received.getString("documents[0].state")).isEqualTo("received");
        assertThat(received.getList("missing")).containsExactly("source-of-funds");

        passesUntil(user, caseId, documentId, "stored");
        String txId = document(user, caseId, documentId).getString("arweave_tx_id");
        assertThat(txId).hasSize(43);
        assertThat(ArlocalResource.data(txId))
                .as("Arweave holds the ciphertext")
                .isEqualTo(sealed.ciphertext());

        ArlocalResource.mine();
        ArlocalResource.mine();
        passesUntil(user, caseId, documentId, "confirmed");

        // The reviewer opens it in the browser: wrapped key from the service, ciphertext from Arweave.
        String wrapped =
                key(reviewer, documentId).then().statusCode(200).extract().path("wrapped_key");
        byte[] opened = Browser.decrypt(
                DocumentApi.ciphertext(reviewer, documentId),
                reviewer.browser().unwrap(wrapped),
                caseId + ":proof-of-address");
        assertThat(opened).isEqualTo(plaintext);

        DocumentApi.decide(reviewer, caseId, "approved", List.of(documentId))
                .then()
                .statusCode(200)
                .body("documents[0].arweave_tx_id", equalTo(txId));
        assertThat(caseView(user, caseId).getString("state")).isEqualTo("approved");

        try (TopicReader reader = TopicReader.of(Topics.DOCUMENT)) {
            List<String> types = reader
                    .readUntil(
                            records -> typesOf(records, caseId).contains(EventTypes.Document.CASE_DECIDED),
                            Duration.ofSeconds(60))
                    .stream()
                    .filter(r -> r.key().equals(org + ":user-1"))
                    .map(r -> TopicReader.header(r, "ce_type"))
                    .toList();
            assertThat(types)
                    .containsExactly(
                            EventTypes.Document.STORED,
                            EventTypes.Document.CONFIRMED,
                            EventTypes.Document.CASE_DECIDED);
        }
    }

    private static List<String> typesOf(List<ConsumerRecord<String, byte[]>> records, String caseId) {
        return records.stream()
                .filter(r -> new String(r.value(), StandardCharsets.UTF_8).contains(caseId))
                .map(r -> TopicReader.header(r, "ce_type"))
                .toList();
    }

    /** Runs storage passes until the document is in {@code state} (other tests' documents may fill a batch). */
    private void passesUntil(Party user, String caseId, String documentId, String state) {
        waitFor("the document " + state).until(() -> {
            storage.runPass();
            return state.equals(document(user, caseId, documentId).getString("state"));
        });
    }

    private static JsonPath document(Party party, String caseId, String documentId) {
        JsonPath view = caseView(party, caseId);
        List<String> ids = view.getList("documents.id");
        return new JsonPath(view.prettify()).setRootPath("documents[" + ids.indexOf(documentId) + "]");
    }

    /** A stand-in PDF: the header, then pseudo-random bytes. */
    static byte[] pdf(int size) {
        byte[] bytes = new byte[size];
        new java.util.Random(7).nextBytes(bytes);
        byte[] header = "%PDF-1.7\n".getBytes(StandardCharsets.US_ASCII);
        System.arraycopy(header, 0, bytes, 0, header.length);
        return bytes;
    }
}
