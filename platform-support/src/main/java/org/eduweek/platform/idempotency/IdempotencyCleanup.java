package org.eduweek.platform.idempotency;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/** Deletes expired keys on a schedule: the embedded MongoDB has no TTL indexes, so expiry is our job. */
public class IdempotencyCleanup implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(IdempotencyCleanup.class);

    private final IdempotencyStore store;
    private final IdempotencyProperties props;
    private volatile ScheduledExecutorService worker;

    public IdempotencyCleanup(IdempotencyStore store, IdempotencyProperties props) {
        this.store = store;
        this.props = props;
    }

    @Override
    public void start() {
        worker = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "idempotency-cleanup");
            t.setDaemon(true);
            return t;
        });
        long every = props.cleanupInterval().toMillis();
        worker.scheduleWithFixedDelay(this::runOnce, every, every, TimeUnit.MILLISECONDS);
    }

    void runOnce() {
        try {
            long deleted = store.deleteExpired();
            if (deleted > 0) {
                log.info("Deleted {} expired idempotency keys", deleted);
            }
        } catch (RuntimeException e) {
            log.warn("Idempotency key cleanup failed; next round retries: {}", e.toString());
        }
    }

    @Override
    public void stop() {
        ScheduledExecutorService w = worker;
        worker = null;
        if (w != null) {
            w.shutdownNow();
        }
    }

    @Override
    public boolean isRunning() {
        return worker != null;
    }
}
