package dev.attest.gateway;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.Instant;
import java.util.UUID;

/** A user (OIDC subject) with a role in an organization: {@code org-admin} or {@code user}. */
@Entity
@Table(name = "member")
@IdClass(Member.Key.class)
public class Member {
    @Id
    @Column(name = "org_id")
    public UUID orgId;

    @Id
    @Column(name = "user_id")
    public String userId;

    public String email;

    public String role;

    @Column(name = "created_at")
    public Instant createdAt;

    @Column(name = "updated_at")
    public Instant updatedAt;

    public record Key(UUID orgId, String userId) implements Serializable {
        public Key() {
            this(null, null);
        }
    }
}
