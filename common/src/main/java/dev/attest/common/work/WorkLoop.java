package dev.attest.common.work;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import org.jboss.logging.Logger;

/** One durable work's thread: passes back to back while there is more, else a wait for a wake or the interval. */
final class WorkLoop {
    private static final Logger LOG = Logger.getLogger(WorkLoop.class);
    private static final Duration FIRST_BACKOFF = Duration.ofMillis(200);

    private final DurableWork work;
    private final Duration pollInterval;
    private final Duration maxBackoff;
    private final ExclusiveLease lease;
    private final BlockingQueue<Boolean> wakeups = new ArrayBlockingQueue<>(1);
    private final Counter handled;
    private final Counter succeeded;
    private final Counter failed;
    private final Timer passes;

    private volatile Thread thread;

    WorkLoop(DurableWork work, Duration pollInterval, Duration maxBackoff, ExclusiveLease lease, MeterRegistry meters) {
        this.work = work;
        this.pollInterval = pollInterval;
        this.maxBackoff = maxBackoff;
        this.lease = lease;
        String name = work.name();
        this.handled = Counter.builder("attest.work.items")
                .description("Items handled by a durable worker")
                .tag("work", name)
                .register(meters);
        this.succeeded = Counter.builder("attest.work.passes")
                .description("Passes of a durable worker")
                .tag("work", name)
                .tag("outcome", "ok")
                .register(meters);
        this.failed = Counter.builder("attest.work.passes")
                .description("Passes of a durable worker")
                .tag("work", name)
                .tag("outcome", "failed")
                .register(meters);
        this.passes = Timer.builder("attest.work.pass.duration")
                .description("How long a durable worker's passes take")
                .tag("work", name)
                .register(meters);
    }

    synchronized void start() {
        if (thread != null) {
            return;
        }
        wakeups.clear(); // the first pass looks at everything; a wake left from before the start means nothing
        Thread started = new Thread(this::run, "work-" + work.name());
        started.setDaemon(true);
        thread = started;
        started.start();
    }

    void wake() {
        wakeups.offer(Boolean.TRUE);
    }

    /** Asks the thread to stop at its next safe point; returns it, for {@link #awaitStop}, or null if none ran. */
    Thread requestStop() {
        Thread running;
        synchronized (this) {
            running = thread;
            thread = null;
        }
        if (running != null) {
            work.stopRequested();
            wake();
        }
        return running;
    }

    /**
     * Waits until {@code deadline} (nanoTime) for the stopped thread; the lease is given up only once it has
     * ended, so no other replica starts this work while a pass still runs here.
     */
    boolean awaitStop(Thread running, long deadline) {
        if (running == null) {
            return true;
        }
        try {
            running.join(Math.max(1, TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime())));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (running.isAlive()) {
            LOG.warnf("%s still in a pass at shutdown; its recorded state is continued by the next start", work.name());
            return false;
        }
        if (lease != null) {
            lease.release();
        }
        return true;
    }

    ExclusiveLease lease() {
        return lease;
    }

    private boolean stillRunning() {
        return thread == Thread.currentThread();
    }

    private void run() {
        Duration backoff = Duration.ZERO;
        while (stillRunning()) {
            try {
                if (!backoff.isZero()) {
                    pause(backoff);
                    if (!stillRunning()) {
                        return;
                    }
                }
                boolean more = lease == null || lease.acquire(work::leaseTaken) ? pass() : false;
                backoff = Duration.ZERO;
                if (!more) {
                    wakeups.poll(pollInterval.toMillis(), TimeUnit.MILLISECONDS);
                }
            } catch (InterruptedException e) {
                return;
            } catch (RuntimeException e) {
                failed.increment();
                backoff = nextBackoff(backoff);
                LOG.warnf("%s failed (%s); next pass in %s", work.name(), e, backoff);
            }
        }
    }

    private boolean pass() {
        long start = System.nanoTime();
        DurableWork.Pass pass = work.runPass();
        passes.record(System.nanoTime() - start, TimeUnit.NANOSECONDS);
        succeeded.increment();
        handled.increment(pass.handled());
        return pass.more();
    }

    private void pause(Duration backoff) throws InterruptedException {
        // A wake does not cut a backoff short: what failed a moment ago would most likely fail again.
        long until = System.nanoTime() + backoff.toNanos();
        long left;
        while (stillRunning() && (left = until - System.nanoTime()) > 0) {
            TimeUnit.NANOSECONDS.sleep(Math.min(left, TimeUnit.MILLISECONDS.toNanos(100)));
        }
    }

    private Duration nextBackoff(Duration current) {
        Duration next = current.isZero() ? FIRST_BACKOFF : current.multipliedBy(2);
        return next.compareTo(maxBackoff) > 0 ? maxBackoff : next;
    }
}
