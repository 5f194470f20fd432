package dev.attest.document.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/** document-service's configuration ({@code attest.document.*}). */
@ConfigMapping(prefix = "attest.document")
public interface DocumentConfig {

    Arweave arweave();

    Uploads uploads();

    Storage storage();

    interface Arweave {
        /** Any Arweave gateway or node that takes {@code POST /tx} (arlocal locally and in tests). */
        String gatewayUrl();

        /**
         * The platform's Arweave wallet, an RSA JWK key file: it signs and pays for every transaction, so users never
         * hold tokens. A secret (the local stack generates one in .attest/secrets); absent, nothing is stored.
         */
        Optional<String> wallet();

        /** Confirmations after which a stored document counts as confirmed. */
        @WithDefault("1")
        int confirmations();

        /** Per request to the gateway. */
        @WithDefault("30s")
        Duration requestTimeout();
    }

    interface Uploads {
        /** The largest ciphertext any requirement may allow; a requirement states its own limit below it. */
        @WithDefault("10485760")
        long maxBytes();

        /** The largest single PATCH body of a resumable upload (the gateway refuses bodies over 1M). */
        @WithDefault("1048576")
        long maxChunkBytes();

        /** Plaintext types a requirement may accept. */
        @WithDefault("application/pdf,image/jpeg,image/png")
        List<String> acceptedTypes();
    }

    interface Storage {
        /** Delays between attempts to store a document on Arweave; after the last one it has failed. */
        @WithDefault("5s,30s,2m,10m,1h,6h")
        List<Duration> retrySchedule();

        /** How long a claimed document is left to one pass before another may take it (crash recovery). */
        @WithDefault("2m")
        Duration lease();

        /** How often stored documents are checked for confirmations. */
        @WithDefault("10s")
        Duration confirmationInterval();

        @WithDefault("1s")
        Duration pollInterval();
    }
}
