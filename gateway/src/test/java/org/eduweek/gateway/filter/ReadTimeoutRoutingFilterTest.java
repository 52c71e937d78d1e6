package org.eduweek.gateway.filter;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.support.StaticListableBeanFactory;
import org.springframework.cloud.gateway.config.HttpClientProperties;
import org.springframework.cloud.gateway.filter.headers.HttpHeadersFilter;
import org.springframework.cloud.gateway.route.Route;
import org.springframework.core.ResolvableType;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import org.springframework.mock.web.server.MockServerWebExchange;

import io.netty.channel.ChannelOption;
import reactor.netty.http.client.HttpClient;

class ReadTimeoutRoutingFilterTest {

    private final HttpClient shared = HttpClient.create();
    private final ReadTimeoutRoutingFilter filter = filter(Duration.ofSeconds(10));

    private ReadTimeoutRoutingFilter filter(Duration responseTimeout) {
        HttpClientProperties properties = new HttpClientProperties();
        properties.setResponseTimeout(responseTimeout);
        properties.setConnectTimeout(500);
        StaticListableBeanFactory beans = new StaticListableBeanFactory();
        return new ReadTimeoutRoutingFilter(shared, beans.getBeanProvider(
                ResolvableType.forClassWithGenerics(List.class, HttpHeadersFilter.class)), properties);
    }

    private static Route route(Map<String, Object> metadata) {
        return Route.async().id("r").uri(URI.create("http://127.0.0.1:1")).predicate(exchange -> true)
                .metadata(metadata).build();
    }

    private Duration timeoutOfClientFor(ReadTimeoutRoutingFilter f, Route route) {
        return f.getHttpClient(route, MockServerWebExchange.from(MockServerHttpRequest.get("/"))).configuration()
                .responseTimeout();
    }

    @Test
    void aRouteWithoutMetadataGetsTheConfiguredTimeoutOnItsConnection() {
        assertThat(timeoutOfClientFor(filter, route(Map.of()))).isEqualTo(Duration.ofSeconds(10));
    }

    @Test
    void aNegativeRouteTimeoutMeansNoneAsForTheEventStream() {
        assertThat(timeoutOfClientFor(filter, route(Map.of("response-timeout", -1)))).isNull();
        assertThat(timeoutOfClientFor(filter, route(Map.of("response-timeout", "-1")))).isNull();
    }

    @Test
    void aRouteTimeoutInMillisecondsReplacesTheConfiguredOne() {
        assertThat(timeoutOfClientFor(filter, route(Map.of("response-timeout", 2500))))
                .isEqualTo(Duration.ofMillis(2500));
        assertThat(timeoutOfClientFor(filter, route(Map.of("response-timeout", "abc"))))
                .isEqualTo(Duration.ofSeconds(10));
    }

    @Test
    void noConfiguredTimeoutMeansNone() {
        assertThat(timeoutOfClientFor(filter(null), route(Map.of()))).isNull();
    }

    @Test
    void aRouteWithItsOwnConnectTimeoutKeepsItAndGetsTheResponseTimeout() {
        HttpClient client = filter.getHttpClient(route(Map.of("connect-timeout", 250)),
                MockServerWebExchange.from(MockServerHttpRequest.get("/")));
        assertThat(client.configuration().responseTimeout()).isEqualTo(Duration.ofSeconds(10));
        assertThat(client.configuration().options().get(ChannelOption.CONNECT_TIMEOUT_MILLIS)).isEqualTo(250);
    }

    @Test
    void theClientForATimeoutIsBuiltOnceNotPerRequest() {
        var exchange = MockServerWebExchange.from(MockServerHttpRequest.get("/"));
        assertThat(filter.getHttpClient(route(Map.of()), exchange))
                .isSameAs(filter.getHttpClient(route(Map.of()), exchange));
    }
}
