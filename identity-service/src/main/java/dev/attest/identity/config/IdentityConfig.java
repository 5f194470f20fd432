package dev.attest.identity.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.math.BigInteger;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/** Configuration of identity-service: the chain, the platform's keys and contracts, and claim issuance. */
@ConfigMapping(prefix = "attest.identity")
public interface IdentityConfig {

    /**
     * Private key (hex) of the operator account that sends every transaction and owns the IdFactory. A
     * secret: from the secret store in production, never logged.
     */
    String operatorKey();

    /**
     * Private key (hex) that signs claims; registered as a CLAIM key on the platform's ClaimIssuer. A
     * secret, and a different account than the operator's.
     */
    String issuerKey();

    /** The chain id the node must report; transactions are signed for it (EIP-155). */
    @WithDefault("1337")
    long chainId();

    /** Blocks a transaction must be deep before its effect counts (1 = mined). */
    @WithDefault("1")
    int confirmations();

    /** Claim topic ids issued for a verified user and registered for the issuer; topic numbers are convention. */
    @WithDefault("1")
    List<BigInteger> claimTopics();

    /** Prefix of the uri written into a claim; the case id is appended (no personal data). */
    @WithDefault("https://app.attest.dev/kyc-cases/")
    String claimUriPrefix();

    /**
     * The claim topic of a verified business (KYB), issued on its identity instead of {@link #claimTopics()}; must
     * not be one of them. A convention of this platform, kept clear of the small numbers other issuers use (1 KYC, 2
     * AML, ...): a token open to businesses lists it in its ClaimTopicsRegistry (README).
     */
    @WithDefault("1001")
    BigInteger kybTopic();

    /** Prefix of the uri written into a KYB claim; the business case id is appended. */
    @WithDefault("https://app.attest.dev/business-cases/")
    String kybClaimUriPrefix();

    /** Below this balance (wei) of the operator, readiness reports DOWN: issuance would stall. */
    @WithDefault("10000000000000000")
    BigInteger minOperatorBalanceWei();

    /**
     * How often the issuance worker looks for receipts (and for work it was not woken for); new identities and
     * revocations wake it at once.
     */
    @WithDefault("250ms")
    Duration workerInterval();

    /** A sent transaction without a receipt after this long is broadcast again (same bytes, same hash). */
    @WithDefault("10s")
    Duration rebroadcastAfter();

    /**
     * A transaction whose current version is not mined after this long is replaced: the same nonce and call,
     * signed again with a higher gas price (see {@link #feeBumpPercent()}).
     */
    @WithDefault("3m")
    Duration replaceAfter();

    /**
     * By how much (percent) a replacement raises the gas price of the version it replaces; nodes refuse a
     * replacement that raises it by less than 10 %, so at least 10.
     */
    @WithDefault("12")
    int feeBumpPercent();

    /** The highest gas price (wei) a replacement may offer; unset: no ceiling. */
    Optional<BigInteger> maxGasPriceWei();

    /** Gas estimates are multiplied by this percentage, since state may change between estimate and mining. */
    @WithDefault("125")
    int gasHeadroomPercent();

    /** Existing contracts to use instead of deploying the platform's own. */
    Contracts contracts();

    interface Contracts {
        Optional<String> idFactory();

        Optional<String> claimIssuer();

        Optional<String> claimTopicsRegistry();

        Optional<String> trustedIssuersRegistry();

        /**
         * The platform's IdentityOnboarder for {@link #idFactory()}; it must own that factory (the operator hands
         * it over with {@code transferOwnership}).
         */
        Optional<String> onboarder();
    }
}
