package dev.attest.notification;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;

/** A project of an organization, known from the tenant events: webhook endpoints belong to one. */
@Entity
@Table(name = "project")
@IdClass(Project.Key.class)
public class Project {
    @Id
    public String orgId;

    @Id
    public String projectId;

    public record Key(String orgId, String projectId) implements Serializable {
        public Key() {
            this(null, null);
        }
    }
}
