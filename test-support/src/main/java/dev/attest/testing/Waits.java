package dev.attest.testing;

import java.time.Duration;
import org.awaitility.Awaitility;
import org.awaitility.core.ConditionFactory;

/**
 * How the services' tests wait for what happens in the background (Kafka consumption, webhooks, workers, the
 * chain): Awaitility, named after what is awaited and bounded by {@link #TIMEOUT}.
 *
 * <pre>{@code
 * waitFor("the case verified").untilAsserted(() -> assertThat(status(caseId)).isEqualTo("verified"));
 * String state = waitFor("the webhook processed").until(() -> stateOf(eventId), "unmatched"::equals);
 * waitFor("nothing sent while stopped").during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(5)).until(...);
 * }</pre>
 *
 * <p>The condition is evaluated on the test's own thread, first at once and then every 100 ms, as a loop in the
 * test would: a probe may use the test's injected beans and transactions. Exceptions the application throws on its
 * own threads meanwhile are no concern of the wait.
 */
public final class Waits {
    /**
     * Long enough for a transfer to be mined and confirmed, or a batch of events consumed, on a loaded 2-core CI
     * machine (30 s ran out once). A wait returns as soon as its condition holds, so only a failing test waits this
     * long.
     */
    public static final Duration TIMEOUT = Duration.ofSeconds(90);

    private static final Duration POLL_INTERVAL = Duration.ofMillis(100);

    private Waits() {}

    /** A wait for {@code what} (named in the failure), of at most {@link #TIMEOUT} unless the caller says otherwise. */
    public static ConditionFactory waitFor(String what) {
        return Awaitility.await(what)
                .atMost(TIMEOUT)
                .pollInSameThread()
                .pollDelay(Duration.ZERO)
                .pollInterval(POLL_INTERVAL)
                .dontCatchUncaughtExceptions();
    }
}
