package dev.attest.document;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.util.UUID;

/** A document an organization requires of a project's users (proof of address, source of funds, ...). */
@Entity
@Table(name = "document_requirement")
public class DocumentRequirement extends PanacheEntityBase {
    @Id
    public UUID id;

    public String orgId;
    public String projectId;
    public String kind;
    public String title;
    public String[] acceptedTypes;
    public long maxBytes;
    public int position;
}
