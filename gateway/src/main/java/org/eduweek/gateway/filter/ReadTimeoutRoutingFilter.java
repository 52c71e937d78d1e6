package org.eduweek.gateway.filter;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.cloud.gateway.config.HttpClientProperties;
import org.springframework.cloud.gateway.filter.NettyRoutingFilter;
import org.springframework.cloud.gateway.filter.headers.HttpHeadersFilter;
import org.springframework.cloud.gateway.route.Route;
import org.springframework.cloud.gateway.support.RouteMetadataUtils;
import org.springframework.web.server.ServerWebExchange;

import reactor.netty.http.client.HttpClient;

/**
 * Spring Cloud Gateway's routing filter with the response timeout enforced by Reactor Netty on the connection's own
 * event loop, instead of by a Reactor {@code timeout} operator.
 * <p>
 * The operator arms a timer on Reactor's parallel scheduler for every proxied request and cancels it when the
 * response arrives: wake-ups of a sleeping timer thread on every request, which cost most where the services share
 * the gateway's cores. Reactor Netty's {@code responseTimeout} is a read timeout on the connection, scheduled on its
 * event loop, which is awake anyway.
 * <p>
 * Same configuration, same meaning: {@code spring.cloud.gateway.server.webflux.httpclient.response-timeout} for
 * every route, a route's {@code response-timeout} metadata (milliseconds; negative for none, as the event stream's
 * route has) instead. One difference: the time counts from when the request goes to the service, so a request that
 * waits for one of the gateway's pooled connections is bounded by the pool's acquire timeout, not also by this one.
 * A timeout fails the call with Netty's {@code ReadTimeoutException}: the route's circuit breaker counts it and its
 * fallback answers 504 ({@code FallbackController}).
 */
public class ReadTimeoutRoutingFilter extends NettyRoutingFilter {

    /** Key of {@link #clients} for "no timeout" (a map holds no null key). */
    private static final Duration NONE = Duration.ofMillis(-1);

    private final HttpClient httpClient;
    private final Duration defaultTimeout;
    /** The shared client with each timeout in use (a handful), built once instead of per request. */
    private final Map<Duration, HttpClient> clients = new ConcurrentHashMap<>();

    public ReadTimeoutRoutingFilter(HttpClient httpClient, ObjectProvider<List<HttpHeadersFilter>> headersFilters,
            HttpClientProperties properties) {
        super(httpClient, headersFilters, withoutTimeouts());
        this.httpClient = httpClient;
        this.defaultTimeout = properties.getResponseTimeout();
    }

    /**
     * What the parent may see: no timeouts. Not the response timeout, which would arm the operator; not the connect
     * timeout either, which the parent applies by copying the shared client's configuration for every request
     * ({@code HttpClient.option}) although the shared client has it already (Spring Cloud Gateway's
     * {@code HttpClientFactory} sets it). A route's own {@code connect-timeout} metadata still works.
     */
    private static HttpClientProperties withoutTimeouts() {
        return new HttpClientProperties();
    }

    @Override
    protected HttpClient getHttpClient(Route route, ServerWebExchange exchange) {
        HttpClient client = super.getHttpClient(route, exchange);
        Duration timeout = responseTimeout(route);
        if (client != httpClient) {
            // a route with its own connect timeout: the parent built a new client for this request already
            return client.responseTimeout(timeout);
        }
        return clients.computeIfAbsent(timeout == null ? NONE : timeout, key -> httpClient.responseTimeout(timeout));
    }

    /** The route's {@code response-timeout} metadata when it has one, else the configured one; null for none. */
    private Duration responseTimeout(Route route) {
        Object configured = route.getMetadata().get(RouteMetadataUtils.RESPONSE_TIMEOUT_ATTR);
        if (configured != null) {
            try {
                long millis = configured instanceof Number n ? n.longValue() : Long.parseLong(configured.toString());
                return millis < 0 ? null : Duration.ofMillis(millis);
            } catch (NumberFormatException e) {
                // as the parent does: an unreadable value falls back to the configured timeout
            }
        }
        return defaultTimeout == null || defaultTimeout.isNegative() ? null : defaultTimeout;
    }
}
