package dev.attest.document;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** One request for a wrapped key and its outcome, released or refused (with the condition that failed). */
@Entity
@Table(name = "key_release")
public class KeyRelease extends PanacheEntityBase {
    public static final String RELEASED = "released";
    public static final String REFUSED = "refused";

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    public String orgId;
    public UUID documentId;
    public UUID grantId;
    public String subject;
    public String outcome;
    public String reason;
    public Instant at;
}
