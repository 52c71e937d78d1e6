package org.eduweek.platform.testing;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A clock tests move by hand, so timing (sessions starting and ending, reminders, grace periods, expiry) is tested
 * by moving time, never by sleeping. It either stands still at a given instant until moved, or follows the system
 * clock shifted by an offset that {@link #advance} grows.
 */
public class MutableClock extends Clock {

    private final AtomicReference<Instant> now;
    private volatile boolean live;
    private volatile Duration offset = Duration.ZERO;

    /** A clock that stands still at {@code start}. */
    public MutableClock(Instant start) {
        this.now = new AtomicReference<>(start);
    }

    /** A clock that follows the system clock until a test moves it ahead. */
    public static MutableClock followingSystemClock() {
        MutableClock clock = new MutableClock(Instant.now());
        clock.followSystemClock();
        return clock;
    }

    /** From now on the clock follows the system clock (benchmarks measure real latency). */
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

    /** Moves the clock ahead: the standing instant, or the offset from the system clock. */
    public void advance(Duration d) {
        if (live) {
            offset = offset.plus(d);
        } else {
            now.updateAndGet(t -> t.plus(d));
        }
    }

    /** Drops the offset from the system clock; a standing clock stays where it is. */
    public void reset() {
        offset = Duration.ZERO;
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
