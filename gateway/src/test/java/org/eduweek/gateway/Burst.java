package org.eduweek.gateway;

import java.time.Duration;
import java.util.List;

import org.springframework.http.client.reactive.ReactorClientHttpConnector;
import org.springframework.web.reactive.function.client.WebClient;

import reactor.core.publisher.Flux;
import reactor.netty.http.client.HttpClient;
import reactor.netty.resources.ConnectionProvider;

/** Many GETs through the gateway at once, from a client whose own pool does not cap them (Reactor's holds 16). */
final class Burst {

    private Burst() {
    }

    /** The status of each of {@code calls} simultaneous GETs of {@code uriTemplate} (with the call's index). */
    static List<Integer> statuses(int gatewayPort, String uriTemplate, int calls) {
        WebClient wide = WebClient.builder().baseUrl("http://127.0.0.1:" + gatewayPort)
                .clientConnector(new ReactorClientHttpConnector(HttpClient.create(
                        ConnectionProvider.builder("burst").maxConnections(calls).build())))
                .build();
        return Flux.range(0, calls)
                .flatMap(i -> wide.get().uri(uriTemplate, i)
                        .exchangeToMono(r -> r.releaseBody().thenReturn(r.statusCode().value())), calls)
                .collectList().block(Duration.ofSeconds(30));
    }
}
