package dev.attest.gateway.monitoring;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.jboss.logging.Logger;

/**
 * Counts security signals at the edge in memory, by detector, subject and 10-second bucket, and adds them to the
 * database every {@code flush-interval} ({@link SignalStore}): a refused request pays for a map lookup and an
 * increment, never for a write, however fast an attack sends them. Each replica flushes its own counts; the
 * detectors read the sum. A replica that dies loses at most its last interval.
 */
@ApplicationScoped
public class SecuritySignals {
    private static final Logger LOG = Logger.getLogger(SecuritySignals.class);
    /** The signals' time resolution. */
    public static final long BUCKET_MILLIS = 10_000;
    /** Distinct values kept per evidence attribute and bucket: a sample, bounded whatever an attacker varies. */
    private static final int EVIDENCE_VALUES = 10;

    private final Map<Key, Tally> tallies = new ConcurrentHashMap<>();
    private final SignalStore store;

    SecuritySignals(SignalStore store) {
        this.store = store;
    }

    /** One signal of {@code detector} about {@code subject}, now; org and project may be null. */
    public void record(Detector detector, String subject, UUID orgId, UUID projectId, Map<String, String> evidence) {
        tallies.computeIfAbsent(new Key(detector, subject, bucketOf(System.currentTimeMillis())), key -> new Tally())
                .add(orgId, projectId, evidence);
    }

    public static Instant bucketOf(Instant at) {
        return Instant.ofEpochMilli(bucketOf(at.toEpochMilli()));
    }

    private static long bucketOf(long epochMillis) {
        return epochMillis - Math.floorMod(epochMillis, BUCKET_MILLIS);
    }

    /**
     * Adds what was counted since the last flush to the database. Tallies of past buckets leave memory (a signal
     * counted at that very instant may be lost); counts the database refuses are kept for the next flush.
     */
    @Scheduled(
            every = "${attest.monitoring.flush-interval:2s}",
            delayed = "${attest.monitoring.flush-interval:2s}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    public synchronized void flush() {
        long currentBucket = bucketOf(System.currentTimeMillis());
        List<SignalStore.SignalCount> counts = new ArrayList<>();
        for (Key key : List.copyOf(tallies.keySet())) {
            Tally tally = key.bucket() < currentBucket ? tallies.remove(key) : tallies.get(key);
            if (tally != null) {
                tally.take(key).ifPresent(counts::add);
            }
        }
        if (counts.isEmpty()) {
            return; // no transaction every interval on a quiet replica
        }
        try {
            QuarkusTransaction.requiringNew().run(() -> store.add(counts));
        } catch (RuntimeException e) {
            LOG.warnf("cannot write security signals (kept for the next flush): %s", e.getMessage());
            for (SignalStore.SignalCount count : counts) {
                Key key = new Key(
                        count.detector(), count.subject(), count.bucket().toEpochMilli());
                tallies.computeIfAbsent(key, k -> new Tally()).putBack(count);
            }
        }
    }

    void onStop(@Observes ShutdownEvent event) {
        try {
            flush();
        } catch (RuntimeException e) {
            LOG.warnf("cannot write security signals at shutdown: %s", e.getMessage());
        }
    }

    private record Key(Detector detector, String subject, long bucket) {}

    /** One subject's signals in one bucket: the count, the tenant they concern, and a bounded sample of evidence. */
    private static final class Tally {
        private final AtomicLong count = new AtomicLong();
        private volatile UUID orgId;
        private volatile UUID projectId;
        private final Map<String, Map<String, AtomicLong>> evidence = new ConcurrentHashMap<>();

        void add(UUID org, UUID project, Map<String, String> sample) {
            if (org != null) {
                orgId = org;
            }
            if (project != null) {
                projectId = project;
            }
            sample.forEach((attribute, value) -> {
                Map<String, AtomicLong> values = evidence.computeIfAbsent(attribute, a -> new ConcurrentHashMap<>());
                AtomicLong seen = values.get(value);
                if (seen == null && values.size() < EVIDENCE_VALUES) {
                    seen = values.computeIfAbsent(value, v -> new AtomicLong());
                }
                if (seen != null) {
                    seen.incrementAndGet();
                }
            });
            count.incrementAndGet();
        }

        Optional<SignalStore.SignalCount> take(Key key) {
            long taken = count.getAndSet(0);
            if (taken == 0) {
                return Optional.empty();
            }
            Map<String, Map<String, Long>> sample = new HashMap<>();
            evidence.forEach((attribute, values) -> {
                Map<String, Long> counts = new HashMap<>();
                values.forEach((value, seen) -> {
                    long n = seen.getAndSet(0);
                    if (n > 0) {
                        counts.put(value, n);
                    }
                });
                if (!counts.isEmpty()) {
                    sample.put(attribute, counts);
                }
            });
            return Optional.of(new SignalStore.SignalCount(
                    key.detector(),
                    key.subject(),
                    Instant.ofEpochMilli(key.bucket()),
                    orgId,
                    projectId,
                    taken,
                    sample));
        }

        void putBack(SignalStore.SignalCount refused) {
            count.addAndGet(refused.count());
            if (refused.orgId() != null) {
                orgId = refused.orgId();
            }
            if (refused.projectId() != null) {
                projectId = refused.projectId();
            }
            refused.evidence()
                    .forEach((attribute, values) -> values.forEach(
                            (value, n) -> evidence.computeIfAbsent(attribute, a -> new ConcurrentHashMap<>())
                                    .computeIfAbsent(value, v -> new AtomicLong())
                                    .addAndGet(n)));
        }
    }
}
