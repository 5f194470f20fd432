package dev.attest.document;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** A reviewer's decision on a case, with the documents (ids and Arweave ids) it was based on. */
@Entity
@Table(name = "case_decision")
public class CaseDecision extends PanacheEntityBase {
    @Id
    public UUID id;

    public String orgId;
    public UUID caseId;
    public String decision;
    public String decidedBy;

    @JdbcTypeCode(SqlTypes.JSON)
    public String documents;

    public Instant decidedAt;
}
