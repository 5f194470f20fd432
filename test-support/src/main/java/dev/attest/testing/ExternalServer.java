package dev.attest.testing;

import java.util.Optional;

/** Test servers can be replaced by existing ones: each resource first looks for its URL here. */
final class ExternalServer {
    private ExternalServer() {}

    /** The value of environment variable (or system property) {@code name}, if set and not blank. */
    static Optional<String> url(String name) {
        String value = System.getProperty(name, System.getenv(name));
        return value == null || value.isBlank() ? Optional.empty() : Optional.of(value.trim());
    }
}
