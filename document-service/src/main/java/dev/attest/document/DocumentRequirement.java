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
    /** The kind of a personal-data form: its answers, as JSON, encrypted in the browser like any document. */
    public static final String PERSONAL_DATA = "personal-data";
    /** The plaintext type of a personal-data form. */
    public static final String FORM_TYPE = "application/json";

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
