package dev.attest.notification;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;

/** An org admin's contact address, as the tenant events state it. */
@Entity
@Table(name = "org_admin")
@IdClass(OrgAdmin.Key.class)
public class OrgAdmin {
    @Id
    public String orgId;

    @Id
    public String userId;

    public String email;

    public record Key(String orgId, String userId) implements Serializable {
        public Key() {
            this(null, null);
        }
    }
}
