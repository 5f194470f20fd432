package dev.attest.notification;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;

/** The project a user onboards in, learnt from KYC events; wallet and identity events carry none. */
@Entity
@Table(name = "user_project")
@IdClass(UserProject.Key.class)
public class UserProject {
    @Id
    public String orgId;

    @Id
    public String userId;

    public String projectId;

    public record Key(String orgId, String userId) implements Serializable {
        public Key() {
            this(null, null);
        }
    }
}
