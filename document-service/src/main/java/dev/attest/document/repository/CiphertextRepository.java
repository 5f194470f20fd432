package dev.attest.document.repository;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * A document's ciphertext while it is on its way to Arweave, one bytea per document, appended to chunk by chunk in
 * the transaction that moves the upload's offset (so the offset and the bytes never disagree after a crash).
 */
@ApplicationScoped
public class CiphertextRepository {
    private final EntityManager em;

    CiphertextRepository(EntityManager em) {
        this.em = em;
    }

    public void create(UUID documentId) {
        em.createNativeQuery("insert into document_ciphertext (document_id, bytes) values (?1, ''::bytea)")
                .setParameter(1, documentId)
                .executeUpdate();
    }

    public void append(UUID documentId, byte[] chunk) {
        em.createNativeQuery("update document_ciphertext set bytes = bytes || ?1 where document_id = ?2")
                .setParameter(1, chunk)
                .setParameter(2, documentId)
                .executeUpdate();
    }

    public Optional<byte[]> read(UUID documentId) {
        @SuppressWarnings("unchecked")
        List<byte[]> rows = em.createNativeQuery("select bytes from document_ciphertext where document_id = ?1")
                .setParameter(1, documentId)
                .getResultList();
        return rows.stream().findFirst();
    }

    /** The ciphertext read in a transaction of its own (the storage worker posts it outside any transaction). */
    public byte[] readOutsideTransaction(UUID documentId) {
        return io.quarkus.narayana.jta.QuarkusTransaction.requiringNew().call(() -> read(documentId)
                .orElseThrow(() -> new IllegalStateException("document " + documentId + " has no ciphertext left")));
    }

    public void delete(UUID documentId) {
        em.createNativeQuery("delete from document_ciphertext where document_id = ?1")
                .setParameter(1, documentId)
                .executeUpdate();
    }
}
