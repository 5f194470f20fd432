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
        if (key.revokedAt == null) {
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
        }
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
     * The grant of a presented key, or empty when it is malformed, unknown, revoked or expired (all 401,
     * with no hint which).
     */
    @Transactional
    public Optional<EdgeCaller.ApiKeyGrant> authenticate(String presented) {
        if (presented == null || !FORMAT.matcher(presented).matches()) {
            return Optional.empty();
        }
        Instant now = Instant.now();
        return keys.findByHash(hash(presented)).filter(key -> key.usableAt(now)).map(key -> {
            if (key.lastUsedAt == null || key.lastUsedAt.isBefore(now.minus(LAST_USED_RESOLUTION))) {
                key.lastUsedAt = now;
            }
            return new EdgeCaller.ApiKeyGrant(key.id, key.orgId, key.projectId, key.scopeSet());
        });
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
