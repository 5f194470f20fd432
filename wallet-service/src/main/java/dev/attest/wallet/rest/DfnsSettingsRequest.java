package dev.attest.wallet.rest;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * An organization's Dfns settings as an admin sets them. The secrets are write-only: they are never
 * answered back. The three policy fields are still accepted and replace the native parts of the spending
 * policy, as they always did (absent: none); the policy has its own endpoint,
 * {@code PUT /orgs/{org}/spending-policy}, which needs no secret ({@link SpendingPolicyRequest}).
 *
 * <p>Every field is bounded by what Dfns issues (ids and secrets are short printable ASCII, tokens are JWTs, a
 * credential key is one PEM key), so an oversized value is refused before anything is stored or sent.
 *
 * @param apiBaseUrl Dfns's API, {@code https://api.dfns.io}; it must resolve to a public address unless the
 *     operator allows its network ({@code attest.outbound.allowed-networks})
 * @param token the service account's (or personal access) token, a JWT
 * @param credentialId the id of the credential whose key signs user actions
 * @param privateKey that credential's private key, PEM (Ed25519, P-256 or RSA)
 * @param webhookSecret the secret Dfns signs webhooks with
 * @param previousWebhookSecret during a rotation, the old webhook's secret: deliveries signed with either are
 *     accepted until it is removed
 * @param perTransferLimit largest native transfer, smallest unit, integer string; absent means none
 * @param dailyLimit largest sum of a user's native transfers per UTC day; absent means none
 * @param approvalThreshold native transfers above it wait for an org admin's approval; absent means none
 */
public record DfnsSettingsRequest(
        @NotBlank
                @Size(max = MAX_URL)
                @Pattern(regexp = "^https?://[\\x21-\\x7E]+$", message = "must be an http(s) URL")
                String apiBaseUrl,
        @NotBlank @Size(max = MAX_TOKEN) @Pattern(regexp = PRINTABLE, message = PRINTABLE_MESSAGE) String token,
        @NotBlank @Size(max = MAX_ID) @Pattern(regexp = PRINTABLE, message = PRINTABLE_MESSAGE) String credentialId,
        @NotBlank @Size(max = MAX_PRIVATE_KEY) String privateKey,
        @Size(max = MAX_ID) @Pattern(regexp = PRINTABLE, message = PRINTABLE_MESSAGE) String appId,
        @NotBlank
                @Size(max = MAX_NETWORK)
                @Pattern(regexp = "^[A-Za-z0-9]+$", message = "must be a Dfns network name such as EthereumSepolia")
                String defaultNetwork,
        @Size(max = MAX_SECRET) @Pattern(regexp = PRINTABLE, message = PRINTABLE_MESSAGE) String webhookSecret,
        @Size(max = MAX_SECRET) @Pattern(regexp = PRINTABLE, message = PRINTABLE_MESSAGE) String previousWebhookSecret,
        @WeiAmount @Schema(pattern = WeiAmount.PATTERN, description = WeiAmount.DESCRIPTION) String perTransferLimit,
        @WeiAmount @Schema(pattern = WeiAmount.PATTERN, description = WeiAmount.DESCRIPTION) String dailyLimit,
        @WeiAmount @Schema(pattern = WeiAmount.PATTERN, description = WeiAmount.DESCRIPTION) String approvalThreshold) {

    /** A URL: browsers and proxies agree on 2,048 characters; Dfns's is 20. */
    static final int MAX_URL = 2048;

    /** A Dfns token is a JWT of a few hundred bytes; room for a generous claim set. */
    static final int MAX_TOKEN = 4096;

    /** Dfns ids ({@code cr-…}, {@code ap-…}) are a few dozen characters. */
    static final int MAX_ID = 256;

    /** One PEM private key: an RSA 4096 PKCS#8 key is about 3,300 characters. */
    static final int MAX_PRIVATE_KEY = 8192;

    /** Dfns network names ({@code EthereumSepolia}) are short words. */
    static final int MAX_NETWORK = 64;

    /** A webhook secret Dfns issued ({@code whsec_…}). */
    static final int MAX_SECRET = 512;

    /** Printable ASCII without spaces (blank is left to @NotBlank): what Dfns ids, tokens and secrets are made of. */
    static final String PRINTABLE = "^[\\x21-\\x7E]*$";

    static final String PRINTABLE_MESSAGE = "must be printable ASCII without spaces";
}
