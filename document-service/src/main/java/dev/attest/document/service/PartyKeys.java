package dev.attest.document.service;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.attest.common.problem.ProblemException;
import dev.attest.document.PartyKey;
import dev.attest.document.client.Base64Url;
import dev.attest.document.repository.PartyKeyRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * People's public keys: an RSA-OAEP-256 key pair is made in each person's browser (the private half never leaves
 * it), and the public half registered here so that others' browsers can wrap data keys for them.
 */
@ApplicationScoped
public class PartyKeys {
    private final PartyKeyRepository keys;
    private final ObjectMapper mapper;
    private final Clock clock;
    private final DocumentAudit audit;

    PartyKeys(PartyKeyRepository keys, ObjectMapper mapper, Clock clock, DocumentAudit audit) {
        this.keys = keys;
        this.mapper = mapper;
        this.clock = clock;
        this.audit = audit;
    }

    /** Registers (or replaces) the caller's public key; an org-admin's key is a reviewer key of the org. */
    @Transactional
    public PartyKey register(String orgId, String subject, boolean reviewer, JsonNode jwk) {
        String n = checkedModulus(jwk);
        String canonical = "{\"e\":\"AQAB\",\"kty\":\"RSA\",\"n\":\"" + n + "\"}";
        PartyKey key = keys.of(orgId, subject).orElseGet(PartyKey::new);
        if (key.id == null) {
            key.id = UUID.randomUUID();
            key.orgId = orgId;
            key.subject = subject;
        }
        String keyId = thumbprint(canonical);
        boolean newReviewerKey = reviewer && (!key.reviewer || !keyId.equals(key.keyId));
        key.keyId = keyId;
        key.publicKey = canonical;
        key.reviewer = reviewer;
        key.createdAt = clock.instant();
        keys.persist(key);
        if (newReviewerKey) {
            // Documents are wrapped for a reviewer key from now on: who registered which key is in the trail.
            keys.flush();
            audit.reviewerKeyRegistered(orgId, subject, keyId);
        }
        return key;
    }

    public Optional<PartyKey> of(String orgId, String subject) {
        return keys.of(orgId, subject);
    }

    public List<PartyKey> reviewers(String orgId) {
        return keys.reviewers(orgId);
    }

    /** The modulus length in bytes of a registered key: a key wrapped under it is exactly that long. */
    public int modulusBytes(PartyKey key) {
        try {
            return Base64Url.decode(mapper.readTree(key.publicKey).get("n").asText()).length;
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String checkedModulus(JsonNode jwk) {
        if (jwk == null
                || !"RSA".equals(jwk.path("kty").asText())
                || !"AQAB".equals(jwk.path("e").asText())) {
            throw invalid("an RSA public key (kty RSA, e AQAB) is expected");
        }
        if (jwk.has("d") || jwk.has("p") || jwk.has("q")) {
            throw invalid("the key holds private parts: only the public key is registered");
        }
        if (jwk.has("alg") && !"RSA-OAEP-256".equals(jwk.path("alg").asText())) {
            throw invalid("the key's alg must be RSA-OAEP-256");
        }
        String n = jwk.path("n").asText();
        try {
            int bits = new BigInteger(1, Base64Url.decode(n)).bitLength();
            if (bits < 2048 || bits > 4096 || !n.matches("^[A-Za-z0-9_-]+$")) {
                throw invalid("the modulus must be 2048 to 4096 bits, base64url");
            }
        } catch (IllegalArgumentException e) {
            throw invalid("the modulus must be 2048 to 4096 bits, base64url");
        }
        return n;
    }

    private static String thumbprint(String canonicalJwk) {
        try {
            return Base64Url.encode(
                    MessageDigest.getInstance("SHA-256").digest(canonicalJwk.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static ProblemException invalid(String detail) {
        return ProblemException.badRequest("invalid-public-key", "The public key is invalid: " + detail + ".");
    }
}
