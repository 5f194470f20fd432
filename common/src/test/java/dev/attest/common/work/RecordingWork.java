package dev.attest.common.work;

import jakarta.inject.Singleton;
import java.time.Duration;
import java.util.OptionalLong;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A durable work whose passes a test steers: how many fail, how many report more, and whether one blocks until
 * the runner asks it to stop (a singleton, so a test reads its fields, not a proxy's). It runs only when woken (its interval is an hour) and in one replica at a time.
 */
@Singleton
public class RecordingWork implements DurableWork {
    static final String NAME = "test-recording";
    static final long LOCK = 0x7E57_0001L;

    final AtomicInteger passes = new AtomicInteger();
    final AtomicInteger failuresLeft = new AtomicInteger();
    final AtomicInteger moreLeft = new AtomicInteger();
    final AtomicInteger leasesTaken = new AtomicInteger();
    volatile CountDownLatch blockUntilStopped;
    volatile CountDownLatch stopRequested = new CountDownLatch(1);

    void reset() {
        passes.set(0);
        failuresLeft.set(0);
        moreLeft.set(0);
        blockUntilStopped = null;
        stopRequested = new CountDownLatch(1);
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Duration pollInterval() {
        return Duration.ofHours(1);
    }

    @Override
    public OptionalLong exclusiveLock() {
        return OptionalLong.of(LOCK);
    }

    @Override
    public void leaseTaken() {
        leasesTaken.incrementAndGet();
    }

    @Override
    public void stopRequested() {
        stopRequested.countDown();
    }

    @Override
    public Pass runPass() {
        // Everything a test sets is read before the pass is counted: once counted, a pass touches no test state.
        boolean fail = failuresLeft.getAndUpdate(left -> Math.max(0, left - 1)) > 0;
        boolean more = moreLeft.getAndUpdate(left -> Math.max(0, left - 1)) > 0;
        CountDownLatch block = blockUntilStopped;
        passes.incrementAndGet();
        if (fail) {
            throw new IllegalStateException("the test's database is down");
        }
        if (block != null) {
            try {
                // A long pass that checks for the stop at its safe points.
                stopRequested.await(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            block.countDown();
        }
        return new Pass(1, more);
    }
}
