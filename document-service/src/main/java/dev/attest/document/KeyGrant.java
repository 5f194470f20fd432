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
 * A document's data key wrapped (in a browser) under one party's public key, with the access conditions under which
 * it is released, in Lit Protocol's access-control-condition format. The platform cannot unwrap it.
 */
@Entity
@Table(name = "key_grant")
public class KeyGrant extends PanacheEntityBase {
    public static final String USER = "user";
    public static final String REVIEWER = "reviewer";
    public static final String AUDITOR = "auditor";

    @Id
    public UUID id;

    public String orgId;
    public UUID documentId;
    public String party;
    public String subject;
    public String keyId;
    public String wrappedKey;

    @JdbcTypeCode(SqlTypes.JSON)
    public String conditions;

    public Instant createdAt;
}
