package org.eduweek.registration.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.data.mongodb.core.MongoTemplate;

import org.eduweek.registration.domain.Session;

/**
 * A burst for one session whose copy is not in memory reads the store once, and when the store hangs every caller
 * gets the failure after one store timeout, not one after another.
 */
class SessionReplicaTest {

    private static final Duration STORE_TIMEOUT = Duration.ofMillis(800);

    private final MongoTemplate mongo = mock(MongoTemplate.class);
    private final SessionReplica replica = new SessionReplica(mongo, Duration.ofSeconds(5));
    private final ExecutorService callers = Executors.newFixedThreadPool(8);

    @AfterEach
    void stop() {
        callers.shutdownNow();
    }

    @Test
    void callersOfAHungStoreAllFailAfterOneTimeoutAndTheNextCallReadsAgain() throws Exception {
        when(mongo.findById(eq("ses-1"), eq(Session.class))).thenAnswer(call -> {
            Thread.sleep(STORE_TIMEOUT.toMillis());
            throw new DataAccessResourceFailureException("Timeout while receiving message");
        });
        long start = System.nanoTime();
        List<Future<Throwable>> outcomes = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            outcomes.add(callers.submit(() -> {
                try {
                    replica.find("ses-1");
                    return null;
                } catch (RuntimeException e) {
                    return e;
                }
            }));
        }
        for (Future<Throwable> outcome : outcomes) {
            assertThat(outcome.get(10, TimeUnit.SECONDS)).isInstanceOf(DataAccessResourceFailureException.class);
        }
        Duration took = Duration.ofNanos(System.nanoTime() - start);
        // eight readers one after another would take 6.4 s
        assertThat(took).isLessThan(STORE_TIMEOUT.multipliedBy(3));

        int burstReads = countReads();
        assertThat(burstReads).as("reads of the store for a burst of eight").isBetween(1, 2);

        // a failure is not remembered: the next call reads the store again
        try {
            replica.find("ses-1");
        } catch (DataAccessResourceFailureException expected) {
            // the store still hangs
        }
        assertThat(countReads()).isEqualTo(burstReads + 1);
    }

    @Test
    void aSessionNotFoundIsNotRemembered() {
        when(mongo.findById(eq("ses-2"), eq(Session.class))).thenReturn(null);
        assertThat(replica.find("ses-2")).isEmpty();
        assertThat(replica.find("ses-2")).isEmpty();
        verify(mongo, times(2)).findById(eq("ses-2"), eq(Session.class));
    }

    private int countReads() {
        return (int) org.mockito.Mockito.mockingDetails(mongo).getInvocations().stream()
                .filter(i -> i.getMethod().getName().equals("findById")).count();
    }
}
