package dev.attest.sandbox;

import io.smallrye.config.ConfigMapping;
import java.util.OptionalInt;

/**
 * The extra ports on which each provider is served at the root of its own origin ({@link ProviderOrigins}).
 * Absent: that provider has no port of its own (it stays under its prefix on the main port). {@code 0}: any
 * free port (tests), read back from {@link ProviderOrigins}.
 */
@ConfigMapping(prefix = "sandbox.origins")
public interface ProviderOriginsConfig {
    /** Dfns at the root: {@code http://host:<dfns-port>/wallets} is {@code /dfns/wallets} of the main port. */
    OptionalInt dfnsPort();

    /**
     * Persona at the root: {@code /api/v1/...}, {@code /verify}, {@code /_sandbox/...}, and what Persona's
     * JavaScript SDK loads from its host ({@code /widget}, {@code /preload}).
     */
    OptionalInt personaPort();

    /**
     * Sumsub at the root: {@code /resources/...}, {@code /_sandbox/...}, and what the WebSDK loads from its base
     * URL ({@code /websdk/websdk.html}), which must be an origin: the SDK accepts only messages whose origin
     * equals its base URL.
     */
    OptionalInt sumsubPort();
}
