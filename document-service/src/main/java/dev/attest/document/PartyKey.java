package dev.attest.document;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** A person's public key, made in their browser; the platform never sees the private half. */
@Entity
@Table(name = "party_key")
public class PartyKey extends PanacheEntityBase {
    @Id
    public UUID id;

    public String orgId;
    public String subject;
    /** RFC 7638 thumbprint of {@link #publicKey}: a grant names the key it was wrapped under. */
    public String keyId;

    @JdbcTypeCode(SqlTypes.JSON)
    public String publicKey;

    /** Registered by an org-admin: documents of the org's cases are wrapped for this key too. */
    public boolean reviewer;

    public Instant createdAt;
}
