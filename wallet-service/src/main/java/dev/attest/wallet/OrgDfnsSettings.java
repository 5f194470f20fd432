package dev.attest.wallet;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.Instant;

/**
 * An organization's Dfns settings (the token, key and webhook secret are sealed by SecretCipher) and its
 * spending policy, which may also be set on its own (the limits of ERC-20 tokens are {@link TokenSpendingLimit}s).
 */
@Entity
@Table(name = "dfns_settings")
public class OrgDfnsSettings {
    @Id
    @Column(name = "org_id")
    public String orgId;

    @Column(name = "api_base_url")
    public String apiBaseUrl;

    @Column(name = "token_sealed")
    public String tokenSealed;

    @Column(name = "credential_id")
    public String credentialId;

    @Column(name = "private_key_sealed")
    public String privateKeySealed;

    @Column(name = "app_id")
    public String appId;

    @Column(name = "default_network")
    public String defaultNetwork;

    @Column(name = "webhook_secret_sealed")
    public String webhookSecretSealed;

    /** During a webhook secret rotation, the old secret, still accepted. */
    @Column(name = "previous_webhook_secret_sealed")
    public String previousWebhookSecretSealed;

    /** Native transfers above it wait for an org admin's approval; none means no approval step. */
    @Column(name = "approval_threshold")
    public BigDecimal approvalThreshold;

    /** Largest amount of one native transfer, in the network's smallest unit; none means no limit. */
    @Column(name = "per_transfer_limit")
    public BigDecimal perTransferLimit;

    /** Largest sum of a user's native transfers per UTC day; none means no limit. */
    @Column(name = "daily_limit")
    public BigDecimal dailyLimit;

    /** Most transfers (any asset) one user may request per UTC day; none means no limit. */
    @Column(name = "daily_count_limit")
    public Integer dailyCountLimit;

    /** When the settings were last stored (the spending policy has its own {@link #policyUpdatedAt}). */
    @Column(name = "updated_at")
    public Instant updatedAt;

    /** When the spending policy was last set, alone or with the settings. */
    @Column(name = "policy_updated_at")
    public Instant policyUpdatedAt;

    /** Who last set the spending policy (null for one set before this was recorded). */
    @Column(name = "policy_updated_by")
    public String policyUpdatedBy;
}
