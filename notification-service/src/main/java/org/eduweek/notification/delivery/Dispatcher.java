package org.eduweek.notification.delivery;

import java.lang.management.ManagementFactory;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Queue;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

import org.eduweek.notification.config.NotificationProperties;
import org.eduweek.notification.domain.Channel;
import org.eduweek.notification.domain.DeliverySignal;
import org.eduweek.notification.domain.Notification;
import org.eduweek.notification.store.NotificationStore;

/**
 * Per channel, one scanner thread finds due messages and feeds their ids into a short local queue; worker threads
 * claim them (atomic, lease-bound claims, so any number of instances can run side by side) and send them. Messages
 * created in this instance are handed to the workers at once as hints (a wake-up, no poll, no scan), claimed from
 * the hinted copy. Claims thus run as parallel as sends, right before the send (a claimed message never waits for
 * a worker). The scanner sleeps until woken or until the poll interval passes (how planned reminders, retries and
 * other instances' leftovers are noticed).
 *
 * <p>A message whose participant's contact is not known yet (a new participant's first registration: the contact
 * comes on another topic, usually just after) is held in memory, still claimed, until the contact arrives or
 * {@code contact-wait} runs out; only then is it parked in the database. Parking and releasing cost five more writes
 * per message, and under a registration burst almost every confirmation would go that way. A held message is safe in a
 * crash: it stays claimed (SENDING) in the database, and its lease brings it back.
 */
@Component
public class Dispatcher implements SmartLifecycle, DeliverySignal {

    private static final Logger log = LoggerFactory.getLogger(Dispatcher.class);
    /**
     * Due messages per scan. Scans are rare (poll interval) and new messages travel as hints instead: a scan is a
     * query over the due index ({@code state, channel, dueAt}), and on a store without it, a read of everything.
     */
    private static final int SCAN_PAGE = 256;
    /** Messages held for a contact at most at once (memory bound); more are parked at once. */
    static final int MAX_HELD = 10_000;

    private final NotificationStore store;
    private final Delivery delivery;
    private final NotificationProperties props;
    private final Clock clock;
    private final String owner = ManagementFactory.getRuntimeMXBean().getName() + "/"
            + UUID.randomUUID().toString().substring(0, 8);
    private final Map<Channel, Semaphore> wakeups = new EnumMap<>(Channel.class);
    /** Ids of due messages found by the scanner, for the workers to claim. */
    private final Map<Channel, BlockingQueue<String>> queues = new EnumMap<>(Channel.class);
    private final Map<Channel, Queue<Notification>> hints = new EnumMap<>(Channel.class);
    /** Ids waiting in {@link #hints}: a due-scan leaves them to the hint, which claims without reading. */
    private final Map<Channel, Set<String>> hinted = new EnumMap<>(Channel.class);
    private final Map<Channel, AtomicBoolean> rescan = new EnumMap<>(Channel.class);
    /** Wakes idle workers: a hint or a message claimed by a scan is waiting. */
    private final Map<Channel, Semaphore> available = new EnumMap<>(Channel.class);
    private final List<Thread> claimers = new ArrayList<>();
    private final List<Thread> workers = new ArrayList<>();
    /** Claimed messages held for their participant's contact, by participant id. */
    private final Map<String, List<Notification>> awaitingContact = new ConcurrentHashMap<>();
    private final AtomicInteger held = new AtomicInteger();
    /** Ids of held messages whose wait ran out: their next delivery parks them. */
    private final Set<String> waitOver = ConcurrentHashMap.newKeySet();
    /** Held messages handed back, still claimed: delivered again without a new claim. */
    private final Map<Channel, Queue<Notification>> resumed = new EnumMap<>(Channel.class);
    private volatile ScheduledExecutorService contactWaits;
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
            resumed.put(c, new ConcurrentLinkedQueue<>());
            hinted.put(c, ConcurrentHashMap.newKeySet());
            rescan.put(c, new AtomicBoolean(true));
            available.put(c, new Semaphore(0));
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
    public void hint(Notification n) {
        if (running) {
            hinted.get(n.channel()).add(n.id());
            hints.get(n.channel()).add(n);
            available.get(n.channel()).release();
        }
    }

    @Override
    public boolean holdForContact(Notification claimed) {
        Duration wait = props.delivery().contactWait();
        ScheduledExecutorService timer = contactWaits;
        if (waitOver.remove(claimed.id()) || !running || timer == null || wait.isZero() || wait.isNegative()) {
            return false;
        }
        if (held.incrementAndGet() > MAX_HELD) {
            held.decrementAndGet();
            return false;
        }
        awaitingContact.compute(claimed.participantId(), (id, list) -> {
            List<Notification> waiting = list == null ? new ArrayList<>() : list;
            waiting.add(claimed);
            return waiting;
        });
        timer.schedule(() -> waitRanOut(claimed), wait.toMillis(), TimeUnit.MILLISECONDS);
        return true;
    }

    /** Still held when its wait ran out (the contact did not come): delivered again, which parks it. */
    private void waitRanOut(Notification claimed) {
        boolean[] stillHeld = {false};
        awaitingContact.computeIfPresent(claimed.participantId(), (id, list) -> {
            stillHeld[0] = list.remove(claimed);
            return list.isEmpty() ? null : list;
        });
        if (stillHeld[0]) {
            waitOver.add(claimed.id());
            resume(claimed);
        }
    }

    @Override
    public void contactArrived(String participantId) {
        List<Notification> waiting = awaitingContact.remove(participantId);
        if (waiting != null) {
            waiting.forEach(this::resume);
        }
    }

    /** Number of messages held for a contact now. */
    public int heldForContact() {
        return held.get();
    }

    private void resume(Notification claimed) {
        held.decrementAndGet();
        resumed.get(claimed.channel()).add(claimed);
        available.get(claimed.channel()).release();
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
     * other instances' messages, leases run out; up to 256 candidates, claimed one by one as the workers keep up)
     * handed to the workers through a short queue (the scan waits while they are busy). Messages created in this
     * instance need no scan: their hints go straight to the workers.
     */
    private void claim(Channel channel) {
        BlockingQueue<String> queue = queues.get(channel);
        Set<String> hintedIds = hinted.get(channel);
        Deque<String> candidates = new ArrayDeque<>();
        Semaphore wakeup = wakeups.get(channel);
        long poll = props.delivery().pollInterval().toMillis();
        long lastScan = 0;
        while (running) {
            try {
                boolean stale = System.currentTimeMillis() - lastScan >= poll;
                if (candidates.isEmpty() && (stale || rescan.get(channel).getAndSet(false))) {
                    List<String> due = store.dueCandidates(channel, clock.instant(), SCAN_PAGE);
                    for (String id : due) {
                        if (!hintedIds.contains(id)) {
                            candidates.add(id);
                        }
                    }
                    lastScan = System.currentTimeMillis();
                    if (due.size() == SCAN_PAGE) {
                        // more are due (5,000 reminders at once): the next page as soon as this one is handed out
                        rescan.get(channel).set(true);
                    }
                }
                String id = candidates.poll();
                if (id == null) {
                    wakeup.tryAcquire(Math.max(1, poll - (System.currentTimeMillis() - lastScan)),
                            TimeUnit.MILLISECONDS);
                    continue;
                }
                queue.put(id);
                available.get(channel).release();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                log.warn("Scanning for due {} messages failed; retrying: {}", channel, e.toString());
                sleepQuietly(poll);
            }
        }
    }

    /** The copy as hinted if it is still current, else whatever is stored under its id, if due. */
    private Optional<Notification> claimHinted(Notification hint) {
        Optional<Notification> claimed = store.claim(hint, owner, clock.instant(), props.delivery().lease());
        return claimed.isPresent() ? claimed
                : store.tryClaim(hint.id(), owner, clock.instant(), props.delivery().lease());
    }

    /** Held messages handed back first (claimed already), then due messages found by the scan, then hints. */
    private void work(Channel channel) {
        Queue<Notification> resumedQueue = resumed.get(channel);
        BlockingQueue<String> queue = queues.get(channel);
        Queue<Notification> hintQueue = hints.get(channel);
        Set<String> hintedIds = hinted.get(channel);
        Semaphore ready = available.get(channel);
        while (running) {
            Notification n = null;
            try {
                Notification back = resumedQueue.poll();
                if (back != null) {
                    n = back;
                    try {
                        delivery.deliver(back);
                    } finally {
                        // delivered or parked now: its wait-over mark is no longer needed
                        waitOver.remove(back.id());
                    }
                    continue;
                }
                String id = queue.poll();
                if (id != null) {
                    n = store.tryClaim(id, owner, clock.instant(), props.delivery().lease()).orElse(null);
                } else {
                    Notification hint = hintQueue.poll();
                    if (hint != null) {
                        try {
                            n = claimHinted(hint).orElse(null);
                        } finally {
                            // after the claim: a scan meanwhile still leaves it alone (else its by-id claim
                            // would merely fail)
                            hintedIds.remove(hint.id());
                        }
                    } else {
                        // bounded, so that stop() finds idle workers gone quickly whatever the poll interval
                        ready.tryAcquire(Math.min(250, props.delivery().pollInterval().toMillis()),
                                TimeUnit.MILLISECONDS);
                    }
                }
                if (n != null) {
                    delivery.deliver(n);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                // e.g. the database is briefly unreachable: the lease brings the message back later
                log.warn("Delivering {} failed; its lease will bring it back: {}", n == null ? "a message"
                        : n.dedupeKey(), e.toString());
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
        contactWaits = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "notify-contact-wait");
            t.setDaemon(true);
            return t;
        });
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
        // scanners stop at once; workers finish the message in hand. Queued ids and hints are not claimed yet:
        // they stay PLANNED in the database for the next scan (of this or another instance)
        claimers.forEach(Thread::interrupt);
        join(claimers);
        join(workers);
        // held messages stay claimed in the database: their lease brings them back (here or in another instance)
        ScheduledExecutorService timer = contactWaits;
        contactWaits = null;
        if (timer != null) {
            timer.shutdownNow();
        }
        awaitingContact.clear();
        resumed.values().forEach(java.util.Collection::clear);
        waitOver.clear();
        held.set(0);
        queues.values().forEach(java.util.Collection::clear);
        hints.values().forEach(java.util.Collection::clear);
        hinted.values().forEach(java.util.Collection::clear);
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
