package dev.attest.gateway;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Arrays;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/** A project API key: only its hash and visible prefix are kept; the key was shown once. */
@Entity
@Table(name = "api_key")
public class ApiKey {
    @Id
    public UUID id;

    @Column(name = "org_id")
    public UUID orgId;

    @Column(name = "project_id")
    public UUID projectId;

    public String name;

    public String prefix;

    @Column(name = "key_hash")
    public String keyHash;

    /** Space separated. */
    public String scopes;

    @Column(name = "expires_at")
    public Instant expiresAt;

    @Column(name = "last_used_at")
    public Instant lastUsedAt;

    @Column(name = "revoked_at")
    public Instant revokedAt;

    @Column(name = "created_by")
    public String createdBy;

    @Column(name = "created_at")
    public Instant createdAt;

    public Set<String> scopeSet() {
        return scopes.isBlank() ? Set.of() : Arrays.stream(scopes.split(" ")).collect(Collectors.toUnmodifiableSet());
    }

    public boolean usableAt(Instant now) {
        return revokedAt == null && (expiresAt == null || expiresAt.isAfter(now));
    }
}
