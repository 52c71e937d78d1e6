package org.eduweek.notification.delivery;

import java.lang.management.ManagementFactory;
import java.time.Clock;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Queue;
import java.util.UUID;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

import org.eduweek.notification.config.NotificationProperties;
import org.eduweek.notification.domain.Channel;
import org.eduweek.notification.domain.DeliverySignal;
import org.eduweek.notification.domain.Notification;
import org.eduweek.notification.domain.NotificationStore;

/**
 * Per channel, one claimer thread claims due messages (atomic, lease-bound claims, so any number of instances can
 * run side by side) into a short local queue; worker threads send them.
 * The queue is kept short (two per worker) so a claimed message never waits anywhere near its lease. Idle claimers
 * sleep until woken by a new message or until the poll interval passes (how planned reminders are noticed).
 */
@Component
public class Dispatcher implements SmartLifecycle, DeliverySignal {

    private static final Logger log = LoggerFactory.getLogger(Dispatcher.class);

    private final NotificationStore store;
    private final Delivery delivery;
    private final NotificationProperties props;
    private final Clock clock;
    private final String owner = ManagementFactory.getRuntimeMXBean().getName() + "/"
            + UUID.randomUUID().toString().substring(0, 8);
    private final Map<Channel, Semaphore> wakeups = new EnumMap<>(Channel.class);
    private final Map<Channel, BlockingQueue<Notification>> queues = new EnumMap<>(Channel.class);
    private final Map<Channel, Queue<String>> hints = new EnumMap<>(Channel.class);
    private final Map<Channel, AtomicBoolean> rescan = new EnumMap<>(Channel.class);
    private final List<Thread> claimers = new ArrayList<>();
    private final List<Thread> workers = new ArrayList<>();
    private volatile boolean running;

    public Dispatcher(NotificationStore store, Delivery delivery, NotificationProperties props, Clock clock) {
        this.store = store;
        this.delivery = delivery;
        this.props = props;
        this.clock = clock;
        for (Channel c : Channel.values()) {
            wakeups.put(c, new Semaphore(0));
            queues.put(c, new ArrayBlockingQueue<>(Math.max(2, 2 * workersOf(c))));
            hints.put(c, new ConcurrentLinkedQueue<>());
            rescan.put(c, new AtomicBoolean(true));
        }
    }

    public String owner() {
        return owner;
    }

    private int workersOf(Channel c) {
        return c == Channel.EMAIL ? props.delivery().emailWorkers() : props.delivery().smsWorkers();
    }

    /** Something may have fallen due (the clock moved, settings changed): look in the database now. */
    @Override
    public void wake() {
        rescan.values().forEach(r -> r.set(true));
        wakeups.values().forEach(Dispatcher::release);
    }

    @Override
    public void hint(Channel channel, String notificationId) {
        if (running) {
            hints.get(channel).add(notificationId);
            release(wakeups.get(channel));
        }
    }

    private static void release(Semaphore s) {
        if (s.availablePermits() == 0) {
            s.release();
        }
    }

    /** Claims and sends one due message of this channel on the calling thread. @return false when none was due */
    public boolean sendOne(Channel channel, String asOwner) {
        Optional<Notification> claimed = store.claimNext(channel, asOwner, clock.instant(), props.delivery().lease());
        claimed.ifPresent(delivery::deliver);
        return claimed.isPresent();
    }

    /**
     * Due messages come from a scan, repeated every poll interval or when woken (reminders falling due, retries,
     * other instances' messages, leases run out; up to 256 candidates, claimed one by one as the workers keep up);
     * between scans, hints name messages just created in this instance, claimed by id without any search.
     */
    private void claim(Channel channel) {
        BlockingQueue<Notification> queue = queues.get(channel);
        Queue<String> hinted = hints.get(channel);
        Deque<String> candidates = new ArrayDeque<>();
        Semaphore wakeup = wakeups.get(channel);
        long poll = props.delivery().pollInterval().toMillis();
        long lastScan = 0;
        while (running) {
            try {
                boolean stale = System.currentTimeMillis() - lastScan >= poll;
                if (candidates.isEmpty() && (stale || rescan.get(channel).getAndSet(false))) {
                    // scanned even while hints flow, so reminders falling due never starve behind new messages
                    candidates.addAll(store.dueCandidates(channel, clock.instant(), 256));
                    lastScan = System.currentTimeMillis();
                }
                String id = candidates.isEmpty() ? hinted.poll() : candidates.poll();
                if (id == null) {
                    wakeup.tryAcquire(poll, TimeUnit.MILLISECONDS);
                    continue;
                }
                Optional<Notification> claimed = store.tryClaim(id, owner, clock.instant(),
                        props.delivery().lease());
                if (claimed.isPresent()) {
                    queue.put(claimed.get());
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                log.warn("Claiming {} messages failed; retrying: {}", channel, e.toString());
                sleepQuietly(poll);
            }
        }
    }

    private void work(Channel channel) {
        BlockingQueue<Notification> queue = queues.get(channel);
        while (running || !queue.isEmpty()) {
            Notification n;
            try {
                n = queue.poll(props.delivery().pollInterval().toMillis(), TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
            if (n == null) {
                continue;
            }
            if (!running) {
                store.release(n);
                continue;
            }
            try {
                delivery.deliver(n);
            } catch (RuntimeException e) {
                // e.g. the database is briefly unreachable: the lease brings the message back later
                log.warn("Delivering {} failed; its lease will bring it back: {}", n.dedupeKey(), e.toString());
            }
        }
    }

    private static void sleepQuietly(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public synchronized void start() {
        if (running || !props.delivery().enabled()) {
            return;
        }
        running = true;
        wake();
        for (Channel c : Channel.values()) {
            claimers.add(thread(() -> claim(c), "notify-claim-" + c.name().toLowerCase()));
            for (int i = 0; i < workersOf(c); i++) {
                workers.add(thread(() -> work(c), "notify-" + c.name().toLowerCase() + "-" + i));
            }
        }
        log.info("Dispatcher {} started: {} email, {} SMS workers", owner, workersOf(Channel.EMAIL),
                workersOf(Channel.SMS));
    }

    private static Thread thread(Runnable r, String name) {
        Thread t = new Thread(r, name);
        t.setDaemon(true);
        t.start();
        return t;
    }

    @Override
    public synchronized void stop() {
        running = false;
        // claimers stop at once; workers finish the message in hand and give back what is still queued
        claimers.forEach(Thread::interrupt);
        join(claimers);
        join(workers);
        queues.values().forEach(q -> {
            Notification n;
            while ((n = q.poll()) != null) {
                store.release(n);
            }
        });
        claimers.clear();
        workers.clear();
    }

    private static void join(List<Thread> threads) {
        for (Thread t : threads) {
            try {
                t.join(10_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }
}
