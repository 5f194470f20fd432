package dev.attest.document.service;

import dev.attest.common.problem.ProblemException;
import dev.attest.document.Document;
import dev.attest.document.client.ArweaveException;
import dev.attest.document.client.ArweaveGateway;
import dev.attest.document.client.Base64Url;
import dev.attest.document.repository.CiphertextRepository;
import dev.attest.document.repository.DocumentRepository;
import dev.attest.document.repository.GrantRepository;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.UUID;

/**
 * A document's ciphertext for whoever holds a grant on it: the platform's copy while it has one, else the bytes
 * Arweave serves, checked against the declared SHA-256. Useless without the key, whose release is what is guarded.
 */
@ApplicationScoped
public class Ciphertexts {
    private final DocumentRepository documents;
    private final GrantRepository grants;
    private final CiphertextRepository ciphertexts;
    private final ArweaveGateway gateway;

    Ciphertexts(
            DocumentRepository documents,
            GrantRepository grants,
            CiphertextRepository ciphertexts,
            ArweaveGateway gateway) {
        this.documents = documents;
        this.grants = grants;
        this.ciphertexts = ciphertexts;
        this.gateway = gateway;
    }

    public byte[] of(KeyReleases.Asker asker, UUID documentId) {
        Document document = documents
                .inOrg(asker.orgId(), documentId)
                .filter(d -> grants.of(d.id, asker.subject()).isPresent())
                .orElseThrow(() -> ProblemException.notFound("The document"));
        if (Document.UPLOADING.equals(document.state)) {
            throw ProblemException.conflict("upload-incomplete", "The document is still being uploaded.");
        }
        var local = io.quarkus.narayana.jta.QuarkusTransaction.requiringNew().call(() -> ciphertexts.read(documentId));
        if (local.isPresent()) {
            return local.get();
        }
        try {
            byte[] served = gateway.data(document.arweaveTxId);
            if (Base64Url.encode(Uploads.sha256(served)).equals(document.ciphertextSha256)) {
                return served;
            }
        } catch (ArweaveException e) {
            // answered below
        }
        throw new ProblemException(
                502, "arweave-unavailable", "Arweave unavailable", "The document could not be read from Arweave.");
    }
}
