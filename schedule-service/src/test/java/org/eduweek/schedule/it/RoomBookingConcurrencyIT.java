package org.eduweek.schedule.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import org.eduweek.schedule.ScheduleIntegrationTest;
import org.junit.jupiter.api.Test;

/** The room rule holds when organizers book the same room at the same moment, not only one after the other. */
class RoomBookingConcurrencyIT extends ScheduleIntegrationTest {

    @Test
    void simultaneousOverlappingBookingsOfOneRoomLetExactlyOneThrough() throws Exception {
        String room = "R-" + UUID.randomUUID().toString().substring(0, 8);
        int requests = 12;
        ExecutorService pool = Executors.newFixedThreadPool(requests);
        CountDownLatch start = new CountDownLatch(1);
        List<CompletableFuture<Answer>> answers = new ArrayList<>();
        for (int i = 0; i < requests; i++) {
            // every booking overlaps every other one (09:00-10:00 plus a few minutes' shift)
            String begin = "2030-11-05T09:%02d:00+08:00".formatted(i);
            String end = "2030-11-05T10:%02d:00+08:00".formatted(i);
            String body = sessionJson("\"Clash " + i + "\"", begin, end, "\"mode\":\"OFFLINE\",\"capacity\":10,"
                    + "\"venue\":{\"campus\":\"Pingyuan\",\"building\":\"Science\",\"room\":\"" + room + "\"}");
            answers.add(CompletableFuture.supplyAsync(() -> {
                try {
                    start.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                return post("/api/schedule/sessions", ORGANIZER, body);
            }, pool));
        }
        start.countDown();
        List<Integer> statuses = answers.stream().map(CompletableFuture::join).map(Answer::status).toList();
        pool.shutdown();

        assertThat(statuses).as("one booking wins, every other one is refused with 409").containsOnly(201, 409);
        assertThat(statuses.stream().filter(s -> s == 201).count()).isEqualTo(1);
        assertThat(answers.stream().map(CompletableFuture::join).filter(a -> a.status() == 409)
                .map(a -> a.body().get("errors").findValuesAsString("field")))
                .allSatisfy(fields -> assertThat(fields).containsExactly("venue"));
    }

    @Test
    void aBookingInAnotherRoomIsNotHeldUpByTheLock() {
        String body = sessionJson("\"Elsewhere\"", "2030-11-05T09:00:00+08:00", "2030-11-05T10:00:00+08:00",
                "\"mode\":\"OFFLINE\",\"capacity\":10,\"venue\":{\"campus\":\"Pingyuan\",\"building\":\"Science\","
                        + "\"room\":\"R-" + UUID.randomUUID().toString().substring(0, 8) + "\"}");
        assertThat(post("/api/schedule/sessions", ORGANIZER, body).status()).isEqualTo(201);
    }
}
