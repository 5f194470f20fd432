package dev.attest.common.work;

import io.agroal.api.AgroalDataSource;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.arc.All;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.SystemException;
import jakarta.transaction.TransactionManager;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Runs every {@link DurableWork} of the service, each on a thread of its own: a pass when woken or when its
 * interval has passed, passes back to back while a pass reports more, a growing pause while passes fail, and
 * per-work metrics ({@code attest.work.passes}, {@code attest.work.items}, {@code attest.work.pass.duration}).
 * Work that must run in one replica at a time runs only while this replica holds its {@link ExclusiveLease}.
 * On shutdown every work is asked to stop at its next safe point and given {@code attest.work.shutdown-grace}.
 */
@ApplicationScoped
public class Workers {
    private final List<DurableWork> works;
    private final AgroalDataSource dataSource;
    private final MeterRegistry meters;
    private final WorkConfig config;
    private final TransactionManager transactionManager;
    private final TransactionSynchronizationRegistry transactions;
    private final Map<String, WorkLoop> loops = new ConcurrentHashMap<>();

    Workers(
            @All List<DurableWork> works,
            AgroalDataSource dataSource,
            MeterRegistry meters,
            WorkConfig config,
            TransactionManager transactionManager,
            TransactionSynchronizationRegistry transactions) {
        this.works = works;
        this.dataSource = dataSource;
        this.meters = meters;
        this.config = config;
        this.transactionManager = transactionManager;
        this.transactions = transactions;
    }

    void onStart(@Observes StartupEvent event) {
        Set<String> disabled = config.disabled().orElse(Set.of());
        for (DurableWork work : works) {
            if (!disabled.contains(work.name())) {
                start(work.name());
            }
        }
    }

    /** Early in shutdown, before the database and Kafka clients close. */
    void onStop(@Observes @Priority(1) ShutdownEvent event) {
        stopAll();
    }

    /** Starts the named work (again); what an earlier process or run left is picked up by its first pass. */
    public void start(String name) {
        loops.computeIfAbsent(name, this::loopOf).start();
    }

    /**
     * Stops the named work as a shutdown would: asks it to stop at its next safe point and waits for it at most
     * {@code shutdown-grace}. What it leaves is recorded and continued by the next start.
     *
     * @return whether the work stopped within the grace
     */
    public boolean stop(String name) {
        WorkLoop loop = loops.get(name);
        if (loop == null) {
            return true;
        }
        return loop.awaitStop(loop.requestStop(), deadline());
    }

    /** Stops every running work together, within one {@code shutdown-grace}. */
    public void stopAll() {
        Map<WorkLoop, Thread> stopping = new LinkedHashMap<>();
        loops.values().forEach(loop -> stopping.put(loop, loop.requestStop()));
        long deadline = deadline();
        stopping.forEach((loop, thread) -> loop.awaitStop(thread, deadline));
    }

    /** Asks the named work to look now; a work that is not running here ignores it. */
    public void wake(String name) {
        WorkLoop loop = loops.get(name);
        if (loop != null) {
            loop.wake();
        }
    }

    /**
     * Wakes the named work once the current transaction has committed (what it would look for is visible only
     * then), and not at all if it rolls back; at once when no transaction is active.
     */
    public void wakeAfterCommit(String name) {
        if (inTransaction()) {
            transactions.registerInterposedSynchronization(new Synchronization() {
                @Override
                public void beforeCompletion() {}

                @Override
                public void afterCompletion(int status) {
                    if (status == Status.STATUS_COMMITTED) {
                        wake(name);
                    }
                }
            });
        } else {
            wake(name);
        }
    }

    /** The exclusive lease of the named work, for a test that plays another replica. */
    public ExclusiveLease lease(String name) {
        ExclusiveLease lease = loops.computeIfAbsent(name, this::loopOf).lease();
        if (lease == null) {
            throw new IllegalArgumentException(name + " runs in every replica; it has no exclusive lease");
        }
        return lease;
    }

    private boolean inTransaction() {
        try {
            return transactionManager.getStatus() == Status.STATUS_ACTIVE;
        } catch (SystemException e) {
            return false;
        }
    }

    private long deadline() {
        return System.nanoTime() + config.shutdownGrace().toNanos();
    }

    private WorkLoop loopOf(String name) {
        DurableWork work = works.stream()
                .filter(candidate -> candidate.name().equals(name))
                .findFirst()
                .orElseThrow(() -> new NoSuchElementException("no durable work named " + name));
        ExclusiveLease lease = work.exclusiveLock().isPresent()
                ? new ExclusiveLease(dataSource, name, work.exclusiveLock().getAsLong())
                : null;
        return new WorkLoop(work, work.pollInterval(), config.maxBackoff(), lease, meters);
    }
}
