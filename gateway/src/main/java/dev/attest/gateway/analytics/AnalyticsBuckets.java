package dev.attest.gateway.analytics;

/**
 * Fixed log-linear histogram buckets: four per power of two, so a bucket's upper bound is at most 25 % above its
 * lower bound. Values 0 to 3 have a bucket each; a value {@code v ≥ 4} with {@code b = floor(log2 v)} is in bucket
 * {@code 4(b-1) + s}, {@code s} the two bits after the leading one. The same buckets on every replica and in the
 * database, so histograms add up by bucket.
 */
public final class AnalyticsBuckets {
    /** Buckets 0 to 159: values from 1.75 × 2^40 on (about 22 days in microseconds) share the last one. */
    public static final int COUNT = 160;

    private AnalyticsBuckets() {}

    /** The bucket of a value (negative values count as 0). */
    public static int of(long value) {
        if (value < 4) {
            return (int) Math.max(0, value);
        }
        int log = 63 - Long.numberOfLeadingZeros(value);
        int index = 4 * (log - 1) + (int) ((value >>> (log - 2)) & 3);
        return Math.min(index, COUNT - 1);
    }

    /** The smallest value of a bucket. */
    public static long lowerBound(int bucket) {
        if (bucket < 4) {
            return bucket;
        }
        int log = bucket / 4 + 1;
        return (1L << log) + (long) (bucket % 4) * (1L << (log - 2));
    }

    /** The largest value of a bucket (inclusive). */
    public static long upperBound(int bucket) {
        return bucket >= COUNT - 1 ? Long.MAX_VALUE : lowerBound(bucket + 1) - 1;
    }

    /**
     * The {@code quantile} (0..1) of a histogram given as counts per bucket: the upper bound of the bucket that
     * holds the rank {@code ceil(quantile × total)}, so the true value is within that bucket; -1 when empty.
     */
    public static long quantile(long[] counts, double quantile) {
        long total = 0;
        for (long c : counts) {
            total += c;
        }
        if (total == 0) {
            return -1;
        }
        long rank = Math.max(1, (long) Math.ceil(quantile * total));
        long seen = 0;
        for (int i = 0; i < counts.length; i++) {
            seen += counts[i];
            if (seen >= rank) {
                return upperBound(i);
            }
        }
        return upperBound(counts.length - 1);
    }
}
