package dev.attest.wallet.aa;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.attest.common.crypto.SecretCipher;
import dev.attest.common.net.OutboundAddressGuard;
import dev.attest.common.net.RefusedAddressException;
import dev.attest.wallet.ClaimStanding;
import dev.attest.wallet.KycStanding;
import dev.attest.wallet.Wallet;
import dev.attest.wallet.repository.KycStandingRepository;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

/**
 * A project's sponsorship policy applied: who may be sponsored (the project sponsors, ERC-4337 is configured, the
 * user's KYC is verified and their identity holds a valid claim), what (the native asset, the tokens and the
 * recipients the policy allows) and how much (the operation's most, reserved against the month's budget and the
 * user's day). Reservations are made with the policy row locked, so concurrent operations never overspend.
 */
@ApplicationScoped
public class SponsorshipAdmission {
    private final EntityManager db;
    private final AaConfig config;
    private final PlatformPaymaster platform;
    private final KycStandingRepository standings;
    private final SecretCipher cipher;
    private final ObjectMapper json;
    private final OutboundAddressGuard guard;

    SponsorshipAdmission(
            EntityManager db,
            AaConfig config,
            PlatformPaymaster platform,
            KycStandingRepository standings,
            SecretCipher cipher,
            ObjectMapper json,
            OutboundAddressGuard guard) {
        this.guard = guard;
        this.db = db;
        this.config = config;
        this.platform = platform;
        this.standings = standings;
        this.cipher = cipher;
        this.json = json;
    }

    /** The project's policy, or the empty one (nothing sponsored). Needs a transaction. */
    public SponsorshipPolicy policyOf(String orgId, String projectId) {
        return Optional.ofNullable(projectId)
                .map(project -> db.find(SponsorshipPolicy.class, new SponsorshipPolicy.Key(orgId, project)))
                .orElseGet(() -> SponsorshipPolicy.none(orgId, projectId));
    }

    /**
     * Why {@code userId} cannot be sponsored in the project at all, or empty when they can (within what is left).
     * Needs a transaction.
     */
    public Optional<SponsorshipRefusedException> refusal(SponsorshipPolicy policy, String userId) {
        if (!config.enabled()) {
            return Optional.of(notEnabled());
        }
        // The user's own standing first: it is what they can act on, whatever the project decides.
        boolean verified = standings
                .findByUser(policy.orgId, userId)
                .map(standing -> KycStanding.VERIFIED.equals(standing.status))
                .orElse(false);
        if (!verified) {
            return Optional.of(
                    new SponsorshipRefusedException(403, "kyc-not-verified", "Sponsorship needs a verified KYC."));
        }
        if (!claimValid(policy.orgId, userId)) {
            return Optional.of(new SponsorshipRefusedException(
                    403, "claim-not-valid", "Sponsorship needs the identity's claim to be issued and not revoked."));
        }
        if (!policy.enabled || (isPlatform(policy) && !platform.available())) {
            return Optional.of(notEnabled());
        }
        return exhausted(policy, userId, BigInteger.ZERO);
    }

    /** Why the wallet's user cannot be sponsored now (a refusal's code), or empty when they can. */
    public Optional<String> refusalFor(Wallet wallet) {
        if (wallet.smartAccountAddress == null) {
            return Optional.of("sponsorship-not-enabled");
        }
        return QuarkusTransaction.requiringNew()
                .call(() -> refusal(policyOf(wallet.orgId, wallet.projectId), wallet.userId)
                        .map(SponsorshipRefusedException::slug));
    }

    /** Whether the policy lets the transfer of {@code contract} (empty: the native asset) to {@code to} be sponsored. */
    public void checkTransfer(SponsorshipPolicy policy, Optional<String> contract, String to) {
        if (contract.isEmpty() && !policy.nativeAllowed) {
            throw new SponsorshipRefusedException(
                    422, "sponsorship-token-not-allowed", "The project does not sponsor native-asset transfers.");
        }
        if (contract.isPresent()
                && policy.allowedTokens != null
                && !policy.allowedTokens.contains(contract.get().toLowerCase(Locale.ROOT))) {
            throw new SponsorshipRefusedException(
                    422, "sponsorship-token-not-allowed", "The project does not sponsor transfers of this token.");
        }
        if (policy.allowedRecipients != null && !policy.allowedRecipients.contains(to.toLowerCase(Locale.ROOT))) {
            throw new SponsorshipRefusedException(
                    422,
                    "sponsorship-recipient-not-allowed",
                    "The project does not sponsor transfers to this recipient.");
        }
    }

    /**
     * Reserves {@code op}'s most against the project's month and the user's day, after the policy's checks; the
     * policy row is locked until the transaction (which must be the caller's) ends.
     */
    public SponsoredOperation reserve(
            SponsorshipPolicy unlocked,
            String userId,
            UserOperation op,
            String userOpHash,
            Paymaster.Fields approval,
            String paymasterKind,
            Optional<UUID> transferId) {
        SponsorshipPolicy policy = db.find(
                SponsorshipPolicy.class,
                new SponsorshipPolicy.Key(unlocked.orgId, unlocked.projectId),
                LockModeType.PESSIMISTIC_WRITE);
        if (policy == null) {
            throw notEnabled();
        }
        refusal(policy, userId).ifPresent(refused -> {
            throw refused;
        });
        BigInteger maxCost = op.maxCost();
        exhausted(policy, userId, maxCost).ifPresent(refused -> {
            throw refused;
        });
        SponsoredOperation reserved = new SponsoredOperation();
        reserved.userOpHash = userOpHash;
        reserved.orgId = policy.orgId;
        reserved.projectId = policy.projectId;
        reserved.userId = userId;
        reserved.sender = op.sender;
        reserved.transferId = transferId.orElse(null);
        reserved.paymasterKind = paymasterKind;
        reserved.status = SponsoredOperation.RESERVED;
        reserved.maxCost = new BigDecimal(maxCost);
        reserved.validUntil = approval.validUntil();
        reserved.createdAt = Instant.now();
        db.persist(reserved);
        return reserved;
    }

    /** The paymaster the project pays through. */
    public Paymaster paymasterOf(SponsorshipPolicy policy) {
        if (isPlatform(policy)) {
            return platform;
        }
        Optional<String> key = Optional.ofNullable(policy.paymasterApiKeySealed)
                .map(envelope -> cipher.decrypt(envelope, apiKeyContext(policy.orgId, policy.projectId)));
        try {
            guard.check(policy.paymasterUrl); // again at each use: what the name resolves to may have changed
        } catch (RefusedAddressException e) {
            throw new SponsorshipRefusedException(
                    422, "sponsorship-refused", "The paymaster's URL is refused: " + e.getMessage());
        }
        return new ExternalPaymaster(json, config, policy.paymasterUrl, key);
    }

    /** What the project and the user have used: spent (settled) plus reserved, this UTC month and day. */
    public Usage used(String orgId, String projectId, String userId) {
        Instant month = LocalDate.now(ZoneOffset.UTC)
                .withDayOfMonth(1)
                .atStartOfDay(ZoneOffset.UTC)
                .toInstant();
        Instant day = LocalDate.now(ZoneOffset.UTC).atStartOfDay(ZoneOffset.UTC).toInstant();
        return new Usage(
                sum("org_id = :p1 and project_id = :p2 and created_at >= :p3", orgId, projectId, month),
                userId == null
                        ? BigInteger.ZERO
                        : sum("org_id = :p1 and user_id = :p2 and created_at >= :p3", orgId, userId, day));
    }

    /** Spent plus reserved: this month in the project, today by the user (in every project of the org). */
    public record Usage(BigInteger projectMonth, BigInteger userDay) {}

    public static String apiKeyContext(String orgId, String projectId) {
        return "org:" + orgId + "/paymaster." + projectId;
    }

    private static SponsorshipRefusedException notEnabled() {
        return new SponsorshipRefusedException(409, "sponsorship-not-enabled", "The project does not sponsor gas.");
    }

    static boolean isPlatform(SponsorshipPolicy policy) {
        return PlatformPaymaster.KIND.equals(policy.paymasterKind);
    }

    private Optional<SponsorshipRefusedException> exhausted(SponsorshipPolicy policy, String userId, BigInteger more) {
        Usage used = used(policy.orgId, policy.projectId, userId);
        if (policy.monthlyBudget != null && reaches(used.projectMonth().add(more), policy.monthlyBudget, more)) {
            return Optional.of(new SponsorshipRefusedException(
                    422, "sponsorship-budget-exhausted", "The project's gas budget for this month is used up."));
        }
        if (policy.userDailyCap != null && reaches(used.userDay().add(more), policy.userDailyCap, more)) {
            return Optional.of(new SponsorshipRefusedException(
                    422,
                    "sponsorship-daily-cap-exceeded",
                    "This operation would take the user past the project's daily sponsorship cap."));
        }
        return Optional.empty();
    }

    /**
     * With an operation to add ({@code more} > 0): whether the total goes beyond the limit. Without (asking whether
     * anything is left): whether the limit is already reached.
     */
    private static boolean reaches(BigInteger total, BigDecimal limit, BigInteger more) {
        int compared = total.compareTo(limit.toBigIntegerExact());
        return more.signum() > 0 ? compared > 0 : compared >= 0;
    }

    private boolean claimValid(String orgId, String userId) {
        return db.createQuery(
                                "select count(c) from ClaimStanding c where c.orgId = ?1 and c.userId = ?2 and c.status = ?3",
                                Long.class)
                        .setParameter(1, orgId)
                        .setParameter(2, userId)
                        .setParameter(3, ClaimStanding.ISSUED)
                        .getSingleResult()
                > 0;
    }

    private BigInteger sum(String where, Object... parameters) {
        var query = db.createNativeQuery("select coalesce(sum(case status when 'settled' then gas_cost"
                + " when 'reserved' then max_cost else 0 end), 0) from sponsored_operation where "
                + where);
        for (int i = 0; i < parameters.length; i++) {
            query.setParameter("p" + (i + 1), parameters[i]);
        }
        Object total = query.getSingleResult();
        return ((BigDecimal) total).toBigIntegerExact();
    }
}
