package dev.attest.document;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/**
 * A document as the platform knows it: ciphertext only, on its way from the browser to Arweave. States: uploading
 * (bytes arriving), received (all bytes, checked), stored (an Arweave gateway accepted the transaction), confirmed
 * (mined deep enough and served back unchanged), failed (storage gave up after every retry).
 */
@Entity
@Table(name = "document")
public class Document extends PanacheEntityBase {
    public static final String UPLOADING = "uploading";
    public static final String RECEIVED = "received";
    public static final String STORED = "stored";
    public static final String CONFIRMED = "confirmed";
    public static final String FAILED = "failed";

    @Id
    public UUID id;

    public String orgId;
    public UUID caseId;
    public String requirement;
    public String contentType;
    public long size;
    public String ciphertextSha256;
    public long receivedBytes;
    public String state;

    /** The signed transaction (without data), kept before it is first posted: a retry posts the same one. */
    @JdbcTypeCode(SqlTypes.JSON)
    public String arweaveTx;

    public String arweaveTxId;
    public Long blockHeight;
    public int attempts;
    public Instant nextAttemptAt;
    public String lastError;
    public Instant createdAt;
    public Instant updatedAt;
}
