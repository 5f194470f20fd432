package dev.attest.sandbox.sumsub;

import java.util.Optional;

/**
 * A sandbox-side Sumsub app token with what the dashboard would hold for it.
 *
 * @param webhookUrl where its webhooks go; empty means they are recorded only
 */
record SumsubApp(
        String appToken,
        String secretKey,
        Optional<String> webhookUrl,
        String webhookSecret,
        SumsubSignatures.DigestAlg digestAlg) {}
