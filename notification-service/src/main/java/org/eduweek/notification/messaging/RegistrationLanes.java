package org.eduweek.notification.messaging;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Runs one poll's registration events on a few lanes, so a burst on one partition (events are keyed by session) is
 * not limited to one event's database round trips at a time. All events of one registration run on the same lane,
 * in their order, and stop at the first that fails: a later event never overtakes an earlier one that is to be
 * retried. The caller waits for the whole poll, which is the back-pressure: the next poll comes only after it.
 */
@Component
public class RegistrationLanes {

    private final ExecutorService[] lanes;

    public RegistrationLanes(@Value("${eduweek.notification.registration-lanes:8}") int lanes) {
        this.lanes = new ExecutorService[Math.max(1, lanes)];
        for (int i = 0; i < this.lanes.length; i++) {
            String name = "registration-lane-" + i;
            this.lanes[i] = Executors.newSingleThreadExecutor(r -> {
                Thread t = new Thread(r, name);
                t.setDaemon(true);
                return t;
            });
        }
    }

    /** One event of a poll: its index in the poll, the registration it belongs to, and its work. */
    public record Work(int index, String registrationId, Runnable action) {
    }

    /** The first event of a poll that failed, by index, and why. */
    public record Failure(int index, RuntimeException cause) {
    }

    /**
     * Runs every event of a poll, each registration's in order on its lane, and waits for all of them.
     *
     * @return the failure with the lowest index, or null when all succeeded
     */
    public Failure runAll(List<Work> poll) {
        Map<String, List<Work>> byRegistration = new LinkedHashMap<>();
        for (Work work : poll) {
            byRegistration.computeIfAbsent(work.registrationId(), k -> new ArrayList<>()).add(work);
        }
        List<CompletableFuture<Failure>> running = new ArrayList<>(byRegistration.size());
        for (Map.Entry<String, List<Work>> registration : byRegistration.entrySet()) {
            ExecutorService lane = lanes[Math.floorMod(registration.getKey().hashCode(), lanes.length)];
            running.add(CompletableFuture.supplyAsync(() -> runInOrder(registration.getValue()), lane));
        }
        Failure first = null;
        for (CompletableFuture<Failure> result : running) {
            Failure failure = result.join();
            if (failure != null && (first == null || failure.index() < first.index())) {
                first = failure;
            }
        }
        return first;
    }

    private static Failure runInOrder(List<Work> events) {
        for (Work work : events) {
            try {
                work.action().run();
            } catch (RuntimeException e) {
                return new Failure(work.index(), e);
            }
        }
        return null;
    }

    /** Lets the work in hand finish; the container stops first, so nothing new arrives. */
    @jakarta.annotation.PreDestroy
    public void stop() {
        forEach(ExecutorService::shutdown);
        forEach(lane -> {
            try {
                lane.awaitTermination(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
    }

    private void forEach(Consumer<ExecutorService> action) {
        for (ExecutorService lane : lanes) {
            action.accept(lane);
        }
    }
}
