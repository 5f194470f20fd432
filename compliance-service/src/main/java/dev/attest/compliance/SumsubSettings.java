package dev.attest.compliance;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;

/** An organization's Sumsub settings; the secrets are sealed (SecretCipher), never stored in clear. */
@Entity
@Table(name = "sumsub_settings")
public class SumsubSettings extends PanacheEntityBase {
    @Id
    @Column(name = "org_id")
    public String orgId;

    @Column(name = "app_token_enc")
    public String appTokenEnc;

    @Column(name = "secret_key_enc")
    public String secretKeyEnc;

    @Column(name = "level_name")
    public String levelName;

    @Column(name = "kyb_level_name")
    public String kybLevelName;

    @Column(name = "webhook_secret_enc")
    public String webhookSecretEnc;

    /** The secret being rotated out: still accepted until the next change. */
    @Column(name = "webhook_secret_previous_enc")
    public String webhookSecretPreviousEnc;

    @Column(name = "digest_alg")
    public String digestAlg;

    @Column(name = "required_steps")
    public String requiredSteps;

    @Column(name = "updated_at")
    public OffsetDateTime updatedAt;

    @Column(name = "updated_by")
    public String updatedBy;
}
