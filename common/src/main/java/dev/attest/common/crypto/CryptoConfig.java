package dev.attest.common.crypto;

import io.smallrye.config.ConfigMapping;
import java.util.List;
import java.util.Optional;

/** The master keys that wrap the data keys of encrypted secrets. */
@ConfigMapping(prefix = "attest.crypto")
public interface CryptoConfig {

    /**
     * Master keys as {@code id:base64}, each 32 random bytes (AES-256), e.g. from a secret store. Keep
     * retired keys listed until every secret has been re-wrapped with the active one.
     */
    Optional<List<String>> masterKeys();

    /** The id of the master key that wraps new secrets. */
    Optional<String> activeKeyId();
}
