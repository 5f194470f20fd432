package dev.attest.compliance;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;

/** An organization's Persona settings; the secrets are sealed (SecretCipher), never stored in clear. */
@Entity
@Table(name = "persona_settings")
public class PersonaSettings extends PanacheEntityBase {
    @Id
    @Column(name = "org_id")
    public String orgId;

    @Column(name = "api_key_enc")
    public String apiKeyEnc;

    @Column(name = "inquiry_template_id")
    public String inquiryTemplateId;

    /** The inquiry template of business verifications (KYB); none: the organization has no KYB. */
    @Column(name = "kyb_inquiry_template_id")
    public String kybInquiryTemplateId;

    /** {@code sandbox} or {@code production}: which Persona environment the key belongs to. */
    public String environment;

    @Column(name = "webhook_secret_enc")
    public String webhookSecretEnc;

    /** The secret being rotated out: still accepted until the next change. */
    @Column(name = "webhook_secret_previous_enc")
    public String webhookSecretPreviousEnc;

    /** The step kinds the inquiry template requires, comma-separated (kinds are [a-z0-9-]: no comma in one). */
    @Column(name = "required_steps")
    public String requiredSteps;

    @Column(name = "updated_at")
    public OffsetDateTime updatedAt;

    @Column(name = "updated_by")
    public String updatedBy;
}
