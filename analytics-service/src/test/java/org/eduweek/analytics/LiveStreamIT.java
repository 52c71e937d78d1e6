package org.eduweek.analytics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;

import org.eduweek.analytics.support.IntegrationTestSupport;
import org.eduweek.analytics.support.Samples;
import org.junit.jupiter.api.Test;

class LiveStreamIT extends IntegrationTestSupport {

    @Test
    void pushesChangedSessionFiguresToSubscribedDashboards() {
        String edition = unique("edi");
        String session = unique("ses");
        List<String> lines = new CopyOnWriteArrayList<>();
        HttpRequest request = HttpRequest.newBuilder(uri("/api/analytics/stream?editionId=" + edition
                + "&access_token=" + organizer())).header("Accept", "text/event-stream").build();
        CompletableFuture<HttpResponse<Stream<String>>> response = HttpClient.newHttpClient()
                .sendAsync(request, HttpResponse.BodyHandlers.ofLines());
        response.thenAccept(r -> {
            assertThat(r.headers().firstValue("Content-Type").orElse("")).startsWith("text/event-stream");
            r.body().forEach(lines::add);
        });
        await().atMost(Duration.ofSeconds(10)).until(response::isDone);
        assertThat(response.join().statusCode()).isEqualTo(200);

        publish("registration.events.v1", session, "RegistrationCreated", rewrite(
                Samples.registration("RegistrationCreated"), "ses-fair-2020", session, "iew-2020", edition,
                "reg-7f3a9c", unique("reg")));

        await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> {
            assertThat(lines).contains("event:session-stats", "event:edition-summary");
            assertThat(lines).anyMatch(l -> l.startsWith("data:") && l.contains(session) && l.contains("\"confirmed\":1"));
        });
        response.join().body().close();
    }

    @Test
    void acceptsATokenInTheUrlOnlyForTheStream() {
        assertThat(get("/api/analytics/summary?access_token=" + organizer(), null).statusCode()).isEqualTo(401);
        assertThat(get("/api/analytics/summary", organizer()).statusCode()).isEqualTo(200);
    }
}
