package dev.attest.document;

import static dev.attest.document.support.DocumentApi.caseView;
import static dev.attest.testing.Waits.waitFor;
import static org.assertj.core.api.Assertions.assertThat;

import dev.attest.document.service.ArweaveStorage;
import dev.attest.document.support.ArweaveResource;
import dev.attest.document.support.Browser;
import dev.attest.document.support.DocumentApi;
import dev.attest.document.support.DocumentTestResources;
import dev.attest.document.support.Party;
import dev.attest.testing.ArlocalResource;
import dev.attest.testing.TestDatabase;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The queue to Arweave survives a gateway outage and a lost answer: every document arrives, and arrives once. */
@QuarkusTest
@DocumentTestResources
class ArweaveOutageTest {
    @Inject
    ArweaveStorage storage;

    @Inject
    AgroalDataSource dataSource;

    TestDatabase db;
    Party user;
    String caseId;
    String documentId;
    Browser.Sealed sealed;

    @BeforeEach
    void receiveADocument() {
        db = new TestDatabase(dataSource);
        DocumentApi.Uploaded uploaded = DocumentApi.uploaded(new byte[3000]);
        user = uploaded.user();
        caseId = uploaded.caseId();
        documentId = uploaded.documentId();
        sealed = uploaded.sealed();
        // Documents other tests left in the queue wait: the outage and the lost answer must meet this one.
        db.update(
                "update document set next_attempt_at = 'infinity' where state in ('received', 'stored')"
                        + " and id <> ?::uuid",
                documentId);
    }

    @AfterEach
    void gatewayBack() {
        ArweaveResource.relay().up();
    }

    @Test
    void aDocumentReceivedWhileTheGatewayIsDownIsStoredOnceWhenItIsBack() {
        ArweaveResource.relay().down();
        storage.runPass();
        assertThat(state()).isEqualTo("received");
        assertThat(db.scalar("select attempts from document where id = ?::uuid", documentId))
                .isEqualTo(1);
        assertThat(caseView(user, caseId).getString("documents[0].last_error")).isNotBlank();

        ArweaveResource.relay().up();
        waitFor("the document stored after its retry").until(() -> {
            storage.runPass();
            return "stored".equals(state());
        });
        ArlocalResource.mine();
        assertThat(ArlocalResource.transactionsTagged("Attest-Document", documentId))
                .hasSize(1);
        assertThat(ArlocalResource.data(txId())).isEqualTo(sealed.ciphertext());
    }

    @Test
    void aTransactionWhoseAnswerWasLostIsNotPostedAgain() {
        ArweaveResource.relay().loseNextPostAnswer();
        storage.runPass();
        assertThat(state()).as("the answer was lost: not known as stored yet").isEqualTo("received");
        String signed = txId();
        assertThat(signed).as("signed and kept before it was posted").isNotNull();

        waitFor("the document stored after its retry").until(() -> {
            storage.runPass();
            return "stored".equals(state());
        });
        assertThat(txId()).isEqualTo(signed);
        ArlocalResource.mine();
        assertThat(ArlocalResource.transactionsTagged("Attest-Document", documentId))
                .containsExactly(signed);
    }

    private String state() {
        return (String) db.scalar("select state from document where id = ?::uuid", documentId);
    }

    private String txId() {
        return (String) db.scalar("select arweave_tx_id from document where id = ?::uuid", documentId);
    }
}
