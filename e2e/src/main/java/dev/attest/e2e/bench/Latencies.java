package dev.attest.e2e.bench;

import java.time.Duration;
import java.util.Arrays;
import java.util.Collection;

/** Latency samples and their percentiles (nearest rank), in milliseconds. */
public final class Latencies {
    private final long[] sortedNanos;

    private Latencies(long[] nanos) {
        this.sortedNanos = nanos.clone();
        Arrays.sort(sortedNanos);
    }

    public static Latencies ofNanos(long[] nanos) {
        return new Latencies(nanos);
    }

    public static Latencies of(Collection<Duration> samples) {
        return new Latencies(samples.stream().mapToLong(Duration::toNanos).toArray());
    }

    public int count() {
        return sortedNanos.length;
    }

    /** The {@code p}-th percentile (0 < p ≤ 100) in milliseconds; NaN without samples. */
    public double percentileMillis(double p) {
        if (sortedNanos.length == 0) {
            return Double.NaN;
        }
        int rank = (int) Math.ceil(p / 100.0 * sortedNanos.length);
        return sortedNanos[Math.max(0, Math.min(sortedNanos.length - 1, rank - 1))] / 1e6;
    }

    public double p50() {
        return percentileMillis(50);
    }

    public double p99() {
        return percentileMillis(99);
    }

    public double maxMillis() {
        return sortedNanos.length == 0 ? Double.NaN : sortedNanos[sortedNanos.length - 1] / 1e6;
    }
}
