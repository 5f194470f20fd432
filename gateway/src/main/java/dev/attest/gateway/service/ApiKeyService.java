package dev.attest.gateway.service;

import dev.attest.common.problem.ProblemException;
import dev.attest.contracts.EventTypes;
import dev.attest.gateway.ApiKey;
import dev.attest.gateway.Project;
import dev.attest.gateway.audit.GatewayAudit;
import dev.attest.gateway.repository.ApiKeyRepository;
import dev.attest.gateway.security.ApiScopes;
import dev.attest.gateway.security.EdgeCaller;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Future;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Size;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Project API keys: {@code ak_test_} (sandbox) or {@code ak_live_} (production) followed by 256 random
 * bits. The key is returned once; only its SHA-256 and a short visible prefix are stored. Every request
 * looks the key up, so a revoked key is refused at once, on every replica.
 */
@ApplicationScoped
public class ApiKeyService {
    private static final Pattern FORMAT = Pattern.compile("ak_(test|live)_[A-Za-z0-9_-]{43}");
    private static final int VISIBLE_RANDOM_CHARS = 6;
    /** last_used_at is advanced at most this often, so a busy key does not write on every request. */
    private static final Duration LAST_USED_RESOLUTION = Duration.ofMinutes(1);

    private final SecureRandom random = new SecureRandom();
    private final ApiKeyRepository keys;
    private final ProjectService projects;
    private final TenantAccess access;
    private final TenantEvents events;
    private final GatewayAudit audit;

    ApiKeyService(
            ApiKeyRepository keys,
            ProjectService projects,
            TenantAccess access,
            TenantEvents events,
            GatewayAudit audit) {
        this.keys = keys;
        this.projects = projects;
        this.access = access;
        this.events = events;
        this.audit = audit;
    }

    @Transactional
    public IssuedKey issue(EdgeCaller caller, String orgRef, String projectRef, @Valid NewApiKey request) {
        OrgMembership membership = access.requireAdmin(caller, orgRef);
        Project project = projects.find(membership.org().id, projectRef);
        Set<String> unknown = new TreeSet<>(request.scopes());
        unknown.removeAll(ApiScopes.ALL);
        if (!unknown.isEmpty()) {
            throw ProblemException.badRequest("unknown-scope", "Unknown scopes: " + String.join(", ", unknown));
        }
        IssuedKey issued =
                create(caller, project, request.name(), new TreeSet<>(request.scopes()), request.expiresAt());
        audit.record(
                caller,
                membership.roles(),
                project.orgId,
                project.id,
                "api-key.created",
                "api-key",
                issued.record().id.toString(),
                null,
                GatewayAudit.ApiKeySnapshot.of(issued.record()));
        return issued;
    }

    @Transactional
    public List<ApiKey> list(EdgeCaller caller, String orgRef, String projectRef) {
        Project project = projects.find(access.requireAdmin(caller, orgRef).org().id, projectRef);
        return keys.listByProject(project.orgId, project.id);
    }

    @Transactional
    public ApiKey revoke(EdgeCaller caller, String orgRef, String projectRef, String keyRef) {
        ApiKey key = find(caller, orgRef, projectRef, keyRef);
        revoke(caller, key);
        return key;
    }

    /**
     * Revokes key {@code keyId} of organization {@code orgId} (any organization's when null: a platform admin's
     * incident response); false when it was revoked already. 404 for a key the caller may not administer.
     */
    @Transactional
    public boolean revoke(EdgeCaller caller, UUID orgId, UUID keyId) {
        return revoke(caller, administered(caller, orgId, keyId));
    }

    /**
     * Takes a revocation back (the undo of an incident response): the key works again, as it was; false when it was
     * not revoked. Audited as {@code api-key.restored}; no tenant event, since no service keeps keys.
     */
    @Transactional
    public boolean restore(EdgeCaller caller, UUID orgId, UUID keyId) {
        ApiKey key = administered(caller, orgId, keyId);
        if (key.revokedAt == null) {
            return false;
        }
        GatewayAudit.ApiKeySnapshot before = GatewayAudit.ApiKeySnapshot.of(key);
        key.revokedAt = null;
        audit.record(
                caller,
                Set.of(),
                key.orgId,
                key.projectId,
                "api-key.restored",
                "api-key",
                key.id.toString(),
                before,
                GatewayAudit.ApiKeySnapshot.of(key));
        return true;
    }

    private boolean revoke(EdgeCaller caller, ApiKey key) {
        if (key.revokedAt != null) {
            return false;
        }
        GatewayAudit.ApiKeySnapshot before = GatewayAudit.ApiKeySnapshot.of(key);
        key.revokedAt = Instant.now();
        events.apiKey(EventTypes.Tenant.API_KEY_REVOKED, key);
        audit.record(
                caller,
                Set.of(),
                key.orgId,
                key.projectId,
                "api-key.revoked",
                "api-key",
                key.id.toString(),
                before,
                GatewayAudit.ApiKeySnapshot.of(key));
        return true;
    }

    private ApiKey administered(EdgeCaller caller, UUID orgId, UUID keyId) {
        ApiKey key = keys.findByIdOptional(keyId)
                .filter(k -> orgId == null || k.orgId.equals(orgId))
                .orElseThrow(() -> ProblemException.notFound("API key " + keyId));
        access.requireAdmin(caller, key.orgId.toString());
        return key;
    }

    /** Issues a successor with the same name, scopes and expiry, and revokes the old key, atomically. */
    @Transactional
    public IssuedKey rotate(EdgeCaller caller, String orgRef, String projectRef, String keyRef) {
        ApiKey old = find(caller, orgRef, projectRef, keyRef);
        if (old.revokedAt != null) {
            throw ProblemException.conflict("key-revoked", "A revoked key cannot be rotated; issue a new one.");
        }
        Project project = projects.find(old.orgId, old.projectId.toString());
        IssuedKey successor = create(caller, project, old.name, old.scopeSet(), old.expiresAt);
        GatewayAudit.ApiKeySnapshot before = GatewayAudit.ApiKeySnapshot.of(old);
        old.revokedAt = Instant.now();
        events.apiKey(EventTypes.Tenant.API_KEY_REVOKED, old);
        audit.record(
                caller,
                Set.of(),
                old.orgId,
                old.projectId,
                "api-key.rotated",
                "api-key",
                old.id.toString(),
                before,
                new RotatedKey(
                        GatewayAudit.ApiKeySnapshot.of(old),
                        successor.record().id.toString(),
                        GatewayAudit.ApiKeySnapshot.of(successor.record())));
        return successor;
    }

    /**
     * What a presented key is worth: its grant, or why it is refused (all 401 to the caller, with no hint which;
     * the reason is for the security monitoring).
     */
    @Transactional
    public KeyCheck authenticate(String presented) {
        if (presented == null || !FORMAT.matcher(presented).matches()) {
            return KeyCheck.refused(KeyCheck.MALFORMED, null);
        }
        Instant now = Instant.now();
        Optional<ApiKey> found = keys.findByHash(hash(presented));
        if (found.isEmpty()) {
            return KeyCheck.refused(KeyCheck.UNKNOWN, null);
        }
        ApiKey key = found.get();
        if (!key.usableAt(now)) {
            return KeyCheck.refused(key.revokedAt != null ? KeyCheck.REVOKED : KeyCheck.EXPIRED, key);
        }
        if (key.lastUsedAt == null || key.lastUsedAt.isBefore(now.minus(LAST_USED_RESOLUTION))) {
            key.lastUsedAt = now;
        }
        return new KeyCheck(
                Optional.of(new EdgeCaller.ApiKeyGrant(key.id, key.orgId, key.projectId, key.scopeSet())),
                null,
                null,
                null,
                null);
    }

    /**
     * A presented key's grant, or the reason it is refused ({@link #MALFORMED}, {@link #UNKNOWN}, {@link
     * #REVOKED}, {@link #EXPIRED}) with the refused key's id, organization and project when it is a key of ours.
     */
    public record KeyCheck(
            Optional<EdgeCaller.ApiKeyGrant> grant, String refusal, UUID keyId, UUID orgId, UUID projectId) {
        public static final String MALFORMED = "malformed";
        public static final String UNKNOWN = "unknown";
        public static final String REVOKED = "revoked";
        public static final String EXPIRED = "expired";

        static KeyCheck refused(String reason, ApiKey key) {
            return key == null
                    ? new KeyCheck(Optional.empty(), reason, null, null, null)
                    : new KeyCheck(Optional.empty(), reason, key.id, key.orgId, key.projectId);
        }
    }

    private IssuedKey create(EdgeCaller caller, Project project, String name, Set<String> scopes, Instant expiresAt) {
        String environment = Project.PRODUCTION.equals(project.environment) ? "live" : "test";
        byte[] secret = new byte[32];
        random.nextBytes(secret);
        String randomPart = Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
        String plain = "ak_" + environment + "_" + randomPart;
        ApiKey key = new ApiKey();
        key.id = UUID.randomUUID();
        key.orgId = project.orgId;
        key.projectId = project.id;
        key.name = name;
        key.prefix = "ak_" + environment + "_" + randomPart.substring(0, VISIBLE_RANDOM_CHARS);
        key.keyHash = hash(plain);
        key.scopes = String.join(" ", scopes);
        key.expiresAt = expiresAt;
        key.createdBy = caller.subject();
        key.createdAt = Instant.now();
        keys.persist(key);
        events.apiKey(EventTypes.Tenant.API_KEY_CREATED, key);
        return new IssuedKey(key, plain);
    }

    private ApiKey find(EdgeCaller caller, String orgRef, String projectRef, String keyRef) {
        Project project = projects.find(access.requireAdmin(caller, orgRef).org().id, projectRef);
        return TenantAccess.parseUuid(keyRef)
                .flatMap(id -> keys.findInProject(project.orgId, project.id, id))
                .orElseThrow(() -> ProblemException.notFound("API key " + keyRef));
    }

    static String hash(String key) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** What a rotation leaves, in the audit trail: the old key revoked and its successor (never either key). */
    record RotatedKey(GatewayAudit.ApiKeySnapshot revoked, String successorId, GatewayAudit.ApiKeySnapshot successor) {}

    /** A key just made: the stored record and the key itself, which is shown this once. */
    public record IssuedKey(ApiKey record, String key) {}

    public record NewApiKey(
            @NotBlank @Size(max = 200) String name,
            @NotEmpty @Size(max = 20) Set<@NotBlank String> scopes,
            @Future Instant expiresAt) {}
}
