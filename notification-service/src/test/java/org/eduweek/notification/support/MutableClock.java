package org.eduweek.notification.support;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicReference;

/** A clock that stands still until a test moves it: timing is tested by moving time, never by sleeping. */
public class MutableClock extends Clock {

    private final AtomicReference<Instant> now;
    private volatile boolean live;
    private volatile Duration offset = Duration.ZERO;

    public MutableClock(Instant start) {
        this.now = new AtomicReference<>(start);
    }

    /** Benchmarks measure real latency: from then on the clock follows the system clock. */
    public void followSystemClock() {
        followSystemClock(Duration.ZERO);
    }

    /** Follows the system clock shifted by {@code offset}. */
    public void followSystemClock(Duration offset) {
        this.offset = offset;
        live = true;
    }

    /** Stands still again at the given time. */
    public void freezeAt(Instant t) {
        now.set(t);
        live = false;
    }

    public void advance(Duration d) {
        now.updateAndGet(t -> t.plus(d));
    }

    public void set(Instant t) {
        now.set(t);
    }

    @Override
    public Instant instant() {
        return live ? Instant.now().plus(offset) : now.get();
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return this;
    }
}
