package dev.attest.identity.service;

import dev.attest.identity.Claim;
import dev.attest.identity.Identity;
import dev.attest.identity.config.IdentityConfig;
import jakarta.enterprise.context.ApplicationScoped;
import java.math.BigInteger;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;
import org.web3j.utils.Numeric;

/**
 * Which claims an identity's subject gets: a user the KYC topics ({@code claim-topics}), a business the KYB topic
 * ({@code kyb-topic}); the same issuer signs both, and both are revoked the same way.
 */
@ApplicationScoped
public class SubjectClaims {
    private final IdentityConfig config;

    SubjectClaims(IdentityConfig config) {
        if (config.claimTopics().contains(config.kybTopic())) {
            // One claim per issuer and topic on an identity: a shared topic would make KYB and KYC indistinguishable.
            throw new IllegalStateException("attest.identity.kyb-topic " + config.kybTopic()
                    + " is one of attest.identity.claim-topics; it must be a topic of its own");
        }
        this.config = config;
    }

    /** Every topic the platform's issuer signs, for the TrustedIssuersRegistry. */
    public List<BigInteger> issuedTopics() {
        return Stream.concat(config.claimTopics().stream(), Stream.of(config.kybTopic()))
                .toList();
    }

    /** The claims to issue on {@code identity} for its verified case {@code caseId}, not yet persisted. */
    List<Claim> plan(Identity identity, String caseId, String kycLevel) {
        boolean business = Identity.BUSINESS.equals(identity.subject);
        List<BigInteger> topics = business ? List.of(config.kybTopic()) : config.claimTopics();
        byte[] data = business
                ? Derivations.kybClaimData(identity.orgId, caseId)
                : Derivations.claimData(identity.orgId, caseId, kycLevel);
        String uri = (business ? config.kybClaimUriPrefix() : config.claimUriPrefix()) + caseId;
        Instant now = Instant.now();
        return topics.stream()
                .map(topic -> {
                    Claim claim = new Claim();
                    claim.id = UUID.randomUUID();
                    claim.identityId = identity.id;
                    claim.orgId = identity.orgId;
                    claim.userId = identity.userId;
                    claim.subject = identity.subject;
                    claim.kycCaseId = caseId;
                    claim.kycLevel = kycLevel;
                    claim.topic = topic;
                    claim.data = Numeric.toHexString(data);
                    claim.uri = uri;
                    claim.status = Claim.Status.ISSUING;
                    claim.createdAt = now;
                    claim.updatedAt = now;
                    claim.traceparent = identity.traceparent;
                    return claim;
                })
                .toList();
    }
}
