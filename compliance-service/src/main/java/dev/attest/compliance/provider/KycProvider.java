package dev.attest.compliance.provider;

/**
 * A KYC provider behind normalized results, so a second provider can be added beside Persona and chosen
 * per project. Implementations translate their wire protocol and errors; callers see only these types.
 */
public interface KycProvider {

    /** The provider's name as cases and events state it, e.g. {@code persona}. */
    String name();

    /**
     * Creates the provider's verification for a case, pre-filled with what the user told us. A retry with
     * the same {@code idempotencyKey} (and the same data) returns the same verification, not a second one.
     */
    ProviderInquiry open(
            ProviderCredentials credentials, String referenceId, String idempotencyKey, ApplicantData applicant);

    /**
     * Creates the provider's verification of a business (KYB) for a business case, from the organization's business
     * flow ({@link ProviderSettings#businessCredentials}), pre-filled with the company's data. Idempotent as
     * {@link #open}.
     */
    ProviderInquiry openBusiness(
            ProviderCredentials credentials, String referenceId, String idempotencyKey, BusinessData business);

    /**
     * A link the person opens on their own, without a console session, to go through the verification: for people
     * who are not users of the platform, such as a business's beneficial owners and directors.
     */
    String verificationLink(ProviderCredentials credentials, String reference);

    /** A fresh session for the user to continue (or start) the verification. */
    ProviderInquiry resume(ProviderCredentials credentials, String reference);

    /** The verification as the provider shows it now, with the time of its latest status change. */
    ProviderInquiry retrieve(ProviderCredentials credentials, String reference);

    /** Sends a reviewer's decision to the provider. */
    ProviderInquiry decide(ProviderCredentials credentials, String reference, boolean approve, String idempotencyKey);

    /** One call with the credentials (no retries), classified; never throws for the provider's answer. */
    ConnectionCheck checkConnection(ProviderCredentials credentials);
}
