package org.eduweek.platform.testing;

import java.util.concurrent.locks.LockSupport;

/**
 * Paces a benchmark's loop at a fixed rate: the n-th {@link #awaitNext} (counting from 0) returns at the first call's
 * time plus n / rate, never earlier. Each due time is computed from the start, not from the previous call, so a
 * late iteration is caught up by the next ones and the average rate is the one asked for.
 */
public final class Pace {

    private final double perSecond;
    private long start;
    private long calls;

    private Pace(double perSecond) {
        if (!(perSecond > 0)) {
            throw new IllegalArgumentException("rate must be positive: " + perSecond);
        }
        this.perSecond = perSecond;
    }

    public static Pace perSecond(double rate) {
        return new Pace(rate);
    }

    /** Waits until the next iteration is due; the first call returns at once and starts the clock. */
    public void awaitNext() {
        if (calls == 0) {
            start = System.nanoTime();
        }
        long due = start + (long) (calls++ * 1e9 / perSecond);
        for (long wait = due - System.nanoTime(); wait > 0; wait = due - System.nanoTime()) {
            LockSupport.parkNanos(wait);
        }
    }
}
