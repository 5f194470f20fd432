package dev.attest.common.crypto;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
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

    /** How often {@link MasterKeyRotation} re-seals secrets found under a retired key. */
    @WithDefault("10m")
    String rewrapInterval();

    /** How long after start the first re-sealing pass runs. */
    @WithDefault("10s")
    String rewrapDelay();
}
