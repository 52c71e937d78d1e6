package org.eduweek.platform.testing;

import java.util.Arrays;
import java.util.Collection;

/**
 * Nearest-rank percentiles of a benchmark's measurements: {@code at(0.99)} is the smallest measurement that at least
 * 99 % of them do not exceed, always one that was measured. Units are the caller's (nanoseconds, milliseconds).
 */
public final class Percentiles {

    private final long[] sorted;

    private Percentiles(long[] sorted) {
        this.sorted = sorted;
    }

    public static Percentiles of(long... values) {
        long[] sorted = values.clone();
        Arrays.sort(sorted);
        return new Percentiles(sorted);
    }

    public static Percentiles of(Collection<Long> values) {
        return new Percentiles(values.stream().mapToLong(Long::longValue).sorted().toArray());
    }

    /** The measurement at this quantile (0 to 1); -1 when there are none. */
    public long at(double quantile) {
        if (sorted.length == 0) {
            return -1;
        }
        int rank = (int) Math.ceil(quantile * sorted.length);
        return sorted[Math.max(0, Math.min(sorted.length, rank) - 1)];
    }

    /** The largest measurement; -1 when there are none. */
    public long max() {
        return sorted.length == 0 ? -1 : sorted[sorted.length - 1];
    }

    public int count() {
        return sorted.length;
    }
}
