package org.eduweek.notification.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class RegistrationLanesTest {

    private final RegistrationLanes lanes = new RegistrationLanes(4);

    @AfterEach
    void stop() {
        lanes.stop();
    }

    @Test
    void keepsTheOrderOfOneRegistrationsEventsAndWaitsForAllOfThem() {
        List<Integer> seen = Collections.synchronizedList(new ArrayList<>());
        List<RegistrationLanes.Work> poll = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            int n = i;
            poll.add(new RegistrationLanes.Work(i, "reg-1", () -> seen.add(n)));
        }

        assertThat(lanes.runAll(poll)).isNull();

        assertThat(seen).hasSize(50).isSorted();
    }

    @Test
    void runsDifferentRegistrationsOnSeveralLanesAtOnce() {
        CountDownLatch bothRunning = new CountDownLatch(2);
        Set<String> threads = ConcurrentHashMap.newKeySet();
        String first = "reg-a";
        String second = otherLaneThan(first);
        Runnable meet = () -> {
            threads.add(Thread.currentThread().getName());
            bothRunning.countDown();
            try {
                // only returns true if the other registration runs at the same time on another lane
                assertThat(bothRunning.await(5, TimeUnit.SECONDS)).isTrue();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        };

        assertThat(lanes.runAll(List.of(new RegistrationLanes.Work(0, first, meet),
                new RegistrationLanes.Work(1, second, meet)))).isNull();

        assertThat(threads).hasSize(2);
    }

    @Test
    void stopsARegistrationAtItsFirstFailureAndReportsTheLowestFailingIndex() {
        List<String> ran = Collections.synchronizedList(new ArrayList<>());
        String other = otherLaneThan("reg-x");
        List<RegistrationLanes.Work> poll = List.of(
                new RegistrationLanes.Work(0, other, () -> ran.add("other-0")),
                new RegistrationLanes.Work(1, "reg-x", () -> ran.add("x-1")),
                new RegistrationLanes.Work(2, "reg-x", () -> {
                    throw new IllegalStateException("database down");
                }),
                new RegistrationLanes.Work(3, other, () -> {
                    throw new IllegalStateException("later failure");
                }),
                new RegistrationLanes.Work(4, "reg-x", () -> ran.add("x-4")));

        RegistrationLanes.Failure failure = lanes.runAll(poll);

        assertThat(failure.index()).isEqualTo(2);
        assertThat(failure.cause()).hasMessage("database down");
        // the event after the failed one of the same registration must not overtake it
        assertThat(ran).containsExactlyInAnyOrder("other-0", "x-1");
    }

    private static String otherLaneThan(String registration) {
        for (int i = 0;; i++) {
            String candidate = "reg-" + i;
            if (Math.floorMod(candidate.hashCode(), 4) != Math.floorMod(registration.hashCode(), 4)) {
                return candidate;
            }
        }
    }
}
