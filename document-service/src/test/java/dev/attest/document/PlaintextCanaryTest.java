package dev.attest.document;

import static dev.attest.document.support.DocumentApi.key;
import static dev.attest.testing.Waits.waitFor;
import static org.assertj.core.api.Assertions.assertThat;

import dev.attest.common.events.Topics;
import dev.attest.document.service.ArweaveStorage;
import dev.attest.document.support.Browser;
import dev.attest.document.support.DocumentApi;
import dev.attest.document.support.DocumentTestResources;
import dev.attest.document.support.Party;
import dev.attest.testing.ArlocalResource;
import dev.attest.testing.TestDatabase;
import dev.attest.testing.TopicReader;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.junit.jupiter.api.Test;

/**
 * Zero PII: a document carrying a plaintext canary goes the whole way (upload, Arweave, confirmation, a reviewer's
 * decision), and the canary is then found nowhere the platform keeps or sends anything: its database (text and
 * bytes), its log, its Kafka topic, and Arweave's data and tags. It is found where it must be: in what the
 * reviewer's browser decrypts.
 */
@QuarkusTest
@DocumentTestResources
class PlaintextCanaryTest {
    @Inject
    ArweaveStorage storage;

    @Inject
    AgroalDataSource dataSource;

    @Test
    void thePlaintextIsNowhereButInTheBrowsers() throws Exception {
        String canary = "CANARY-" + UUID.randomUUID();
        byte[] plaintext =
                ("%PDF-1.7\nProof of address: Jane " + canary + ", 1 Canary Road\n").getBytes(StandardCharsets.UTF_8);
        DocumentApi.Uploaded uploaded = DocumentApi.uploaded(plaintext);
        String org = uploaded.org();
        Party reviewer = uploaded.reviewer();
        String caseId = uploaded.caseId();
        String documentId = uploaded.documentId();
        Browser.Sealed sealed = uploaded.sealed();
        TestDatabase db = new TestDatabase(dataSource);
        waitFor("the document stored").until(() -> {
            storage.runPass();
            return "stored".equals(db.scalar("select state from document where id = ?::uuid", documentId));
        });
        String txId = (String) db.scalar("select arweave_tx_id from document where id = ?::uuid", documentId);
        ArlocalResource.mine();
        ArlocalResource.mine();
        waitFor("the document confirmed").until(() -> {
            storage.runPass();
            return "confirmed".equals(db.scalar("select state from document where id = ?::uuid", documentId));
        });
        String wrapped =
                key(reviewer, documentId).then().statusCode(200).extract().path("wrapped_key");
        byte[] opened = Browser.decrypt(
                DocumentApi.ciphertext(reviewer, documentId),
                reviewer.browser().unwrap(wrapped),
                caseId + ":proof-of-address");
        DocumentApi.decide(reviewer, caseId, "approved", List.of(documentId))
                .then()
                .statusCode(200);

        assertThat(new String(opened, StandardCharsets.UTF_8))
                .as("the positive control")
                .contains(canary);
        String canaryHex = HexFormat.of().formatHex(canary.getBytes(StandardCharsets.UTF_8));
        assertThat(db.rowsContaining(canary))
                .as("database rows holding the canary as text")
                .isZero();
        assertThat(db.rowsContaining(canaryHex))
                .as("database rows holding the canary's bytes")
                .isZero();
        assertThat(Files.readString(Path.of("target/document-service-test.log")))
                .as("the service's log")
                .doesNotContain(canary)
                .contains(documentId);
        try (TopicReader reader = TopicReader.of(Topics.DOCUMENT)) {
            List<ConsumerRecord<String, byte[]>> records = reader.readUntil(
                    seen -> seen.stream().anyMatch(r -> text(r).contains(caseId) && text(r).contains("approved")),
                    Duration.ofSeconds(60));
            assertThat(records).as("the events of this document").anyMatch(r -> text(r).contains(documentId));
            assertThat(records).as("events holding the canary").noneMatch(r -> text(r).contains(canary));
        }
        assertThat(new String(ArlocalResource.data(txId), StandardCharsets.ISO_8859_1))
                .as("Arweave's data")
                .doesNotContain(canary);
        assertThat(ArlocalResource.transactionsTagged("Attest-Document", documentId))
                .containsExactly(txId);
    }

    private static String text(ConsumerRecord<String, byte[]> record) {
        StringBuilder all = new StringBuilder(record.key()).append(new String(record.value(), StandardCharsets.UTF_8));
        for (Header header : record.headers()) {
            all.append(header.key()).append(new String(header.value(), StandardCharsets.UTF_8));
        }
        return all.toString();
    }
}
