package dev.attest.common.work;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;

/** Settings every durable worker shares ({@code attest.work.*}); each worker's own interval is its service's. */
@ConfigMapping(prefix = "attest.work")
public interface WorkConfig {

    /** The longest wait between passes while a worker keeps failing (its database or a provider is down). */
    @WithDefault("30s")
    Duration maxBackoff();

    /** Works that do not run in this process (by name): a test that drives their passes itself lists them. */
    Optional<Set<String>> disabled();

    /** On shutdown, how long the passes in progress may take to reach a safe point before the process goes on. */
    @WithDefault("10s")
    Duration shutdownGrace();
}
