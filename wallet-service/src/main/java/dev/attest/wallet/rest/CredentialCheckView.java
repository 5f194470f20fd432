package dev.attest.wallet.rest;

import dev.attest.wallet.service.DfnsSettingsService;

/**
 * The result of proving an organization's Dfns settings without creating anything. Only a classification
 * and fixed sentences: never what the target answered, so that the check tells nothing more about the API
 * base URL's host than these outcomes.
 *
 * @param token {@code ok} or {@code failed}: a wallet listing was answered as Dfns answers it
 * @param signingKey {@code ok}, {@code failed}, or {@code skipped} when the token already failed
 * @param result the first failure's class, or {@code ok}: {@code unauthorized} (Dfns refused the credentials,
 *     401/403), {@code unreachable} (no answer, Dfns failing or limiting, or the URL's address not allowed),
 *     {@code unexpected-answer} (an answer that is not Dfns's: another status, a redirect, another body)
 * @param detail a fixed sentence for the result, prefixed with the part it is about ({@code token: },
 *     {@code signing key: }); null when all is well
 */
public record CredentialCheckView(boolean ok, String token, String signingKey, String result, String detail) {

    public static CredentialCheckView of(DfnsSettingsService.CredentialCheck check) {
        return new CredentialCheckView(check.ok(), check.token(), check.signingKey(), check.result(), check.detail());
    }
}
