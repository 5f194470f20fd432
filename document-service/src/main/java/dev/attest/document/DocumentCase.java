package dev.attest.document;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** One user's documents for one project, reviewed as a whole: open until a reviewer decides. */
@Entity
@Table(name = "document_case")
public class DocumentCase extends PanacheEntityBase {
    public static final String OPEN = "open";
    public static final String APPROVED = "approved";
    public static final String REJECTED = "rejected";

    @Id
    public UUID id;

    public String orgId;
    public String projectId;
    public String userId;
    public String state;
    public Instant openedAt;
    public Instant decidedAt;
    public String decidedBy;

    public boolean isOpen() {
        return OPEN.equals(state);
    }
}
