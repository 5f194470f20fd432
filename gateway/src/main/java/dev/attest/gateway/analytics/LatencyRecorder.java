package dev.attest.gateway.analytics;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLongArray;
import org.jboss.logging.Logger;

/**
 * Request latency per organization, project, route class and hour, kept in memory as fixed-bucket histograms
 * ({@link AnalyticsBuckets}) and added to {@code analytics_histogram_hourly} every {@code flush-interval}: the
 * request path pays for a map lookup and an atomic increment, never for a database write. Each replica flushes
 * its own counts; percentiles come from the buckets summed over replicas and hours. A replica that dies loses at
 * most its last interval.
 */
@ApplicationScoped
public class LatencyRecorder {
    private static final Logger LOG = Logger.getLogger(LatencyRecorder.class);

    private final Map<Key, AtomicLongArray> histograms = new ConcurrentHashMap<>();
    private final AnalyticsStore store;

    LatencyRecorder(AnalyticsStore store) {
        this.store = store;
    }

    /** One request of {@code routeClass} that took {@code micros}; org and project are '' when it acted in none. */
    public void record(String orgId, String projectKey, String routeClass, long epochMillis, long micros) {
        long hour = epochMillis - Math.floorMod(epochMillis, 3_600_000L);
        histograms
                .computeIfAbsent(
                        new Key(orgId, projectKey, routeClass, hour), k -> new AtomicLongArray(AnalyticsBuckets.COUNT))
                .incrementAndGet(AnalyticsBuckets.of(micros));
    }

    /**
     * Adds what was recorded since the last flush to the database; histograms of past hours are dropped from
     * memory first (a request ending at that instant may lose its count). Counts the database refuses are put back.
     */
    @Scheduled(
            every = "${attest.analytics.flush-interval:60s}",
            delayed = "${attest.analytics.flush-interval:60s}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    public synchronized void flush() {
        long currentHour = System.currentTimeMillis() / 3_600_000L * 3_600_000L;
        List<AnalyticsStore.BucketCount> counts = new ArrayList<>();
        List<Map.Entry<Key, long[]>> taken = new ArrayList<>();
        for (Key key : List.copyOf(histograms.keySet())) {
            AtomicLongArray histogram = key.hour() < currentHour ? histograms.remove(key) : histograms.get(key);
            if (histogram == null) {
                continue;
            }
            long[] values = new long[AnalyticsBuckets.COUNT];
            for (int bucket = 0; bucket < AnalyticsBuckets.COUNT; bucket++) {
                long count = histogram.get(bucket) == 0 ? 0 : histogram.getAndSet(bucket, 0);
                if (count > 0) {
                    values[bucket] = count;
                    counts.add(new AnalyticsStore.BucketCount(
                            key.orgId(),
                            key.projectKey(),
                            Instant.ofEpochMilli(key.hour()),
                            AnalyticsMetrics.LATENCY + key.routeClass(),
                            bucket,
                            count));
                }
            }
            taken.add(Map.entry(key, values));
        }
        try {
            store.addBuckets(counts);
        } catch (RuntimeException e) {
            LOG.warnf("cannot write request latency (kept for the next flush): %s", e.getMessage());
            for (Map.Entry<Key, long[]> entry : taken) {
                AtomicLongArray histogram =
                        histograms.computeIfAbsent(entry.getKey(), k -> new AtomicLongArray(AnalyticsBuckets.COUNT));
                long[] values = entry.getValue();
                for (int bucket = 0; bucket < values.length; bucket++) {
                    if (values[bucket] > 0) {
                        histogram.addAndGet(bucket, values[bucket]);
                    }
                }
            }
        }
    }

    void onStop(@Observes ShutdownEvent event) {
        try {
            flush();
        } catch (RuntimeException e) {
            LOG.warnf("cannot write request latency at shutdown: %s", e.getMessage());
        }
    }

    private record Key(String orgId, String projectKey, String routeClass, long hour) {}
}
