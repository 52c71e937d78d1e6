package org.eduweek.gateway.filter;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.boot.web.server.autoconfigure.ServerProperties;
import org.springframework.cloud.gateway.config.HttpClientCustomizer;
import org.springframework.cloud.gateway.config.HttpClientFactory;
import org.springframework.cloud.gateway.config.HttpClientProperties;
import org.springframework.cloud.gateway.config.HttpClientSslConfigurer;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.http.server.reactive.ServerHttpRequestDecorator;

import io.netty.channel.EventLoop;
import io.netty.channel.EventLoopGroup;
import reactor.core.publisher.Mono;
import reactor.netty.Connection;
import reactor.netty.http.client.HttpClient;
import reactor.netty.resources.ConnectionProvider;
import reactor.netty.resources.LoopResources;

/**
 * The proxy's HTTP client, one per event loop, each with its own pool of connections to the services, all of them
 * served by that loop: a request is proxied on the loop that received it, from end to end.
 * <p>
 * With one shared pool, a request that arrived on loop 1 was often given a pooled connection that lives on loop 2
 * (strace: the request read on one thread, the service's answer read on the other, an {@code eventfd} wake-up each
 * way). Every such request handed its work to the other loop and back: two wake-ups of a sleeping thread and two
 * task hand-overs, on a machine whose two cores also run the services. nginx does the same: each worker process
 * keeps its own upstream connections.
 * <p>
 * Each loop's pool gets an equal share of {@code httpclient.pool.max-connections} (rounded down, at least one), so
 * the total number of connections to one service stays within what was configured. Clients spread their
 * connections over the loops (Netty hands accepted connections to the loops in turn), so the shares fill evenly. Everything else (pool type, acquire timeout, idle time,
 * connect timeout, customizers) is Spring Cloud Gateway's own {@link HttpClientFactory} with the same properties.
 */
public class LoopLocalHttpClients {

    private final HttpClientProperties properties;
    private final ServerProperties serverProperties;
    private final HttpClientSslConfigurer sslConfigurer;
    private final List<HttpClientCustomizer> customizers;
    private final Map<EventLoop, HttpClient> clients = new ConcurrentHashMap<>();

    public LoopLocalHttpClients(HttpClientProperties properties, ServerProperties serverProperties,
            HttpClientSslConfigurer sslConfigurer, List<HttpClientCustomizer> customizers) {
        this.properties = properties;
        this.serverProperties = serverProperties;
        this.sslConfigurer = sslConfigurer;
        this.customizers = customizers;
    }

    /** The client of the loop that received this request; null when it did not come through Reactor Netty. */
    public HttpClient forRequest(ServerHttpRequest request) {
        Object nativeRequest;
        try {
            nativeRequest = ServerHttpRequestDecorator.getNativeRequest(request);
        } catch (IllegalArgumentException notReactorNetty) {
            return null; // e.g. a mock request in a test
        }
        if (!(nativeRequest instanceof Connection connection)) {
            return null;
        }
        return forLoop(connection.channel().eventLoop());
    }

    /** The client whose connections live on {@code loop}, built on first use. */
    HttpClient forLoop(EventLoop loop) {
        HttpClient client = clients.get(loop);
        return client != null ? client : create(loop);
    }

    /** Synchronized: Spring Cloud Gateway's factory sorts the shared customizer list while it builds. */
    private synchronized HttpClient create(EventLoop loop) {
        return clients.computeIfAbsent(loop, l -> new ShareFactory(sharePerLoop(l.parent())).client()
                .runOn(new OneLoop(l)));
    }

    private int sharePerLoop(EventLoopGroup group) {
        Integer max = properties.getPool().getMaxConnections();
        if (max == null || group == null) {
            return max == null ? Integer.MAX_VALUE : max;
        }
        int loops = 0;
        for (var ignored : group) {
            loops++;
        }
        return Math.max(1, max / Math.max(1, loops));
    }

    /** Spring Cloud Gateway's factory, with this loop's share of the connections. */
    private final class ShareFactory extends HttpClientFactory {

        private final int maxConnections;

        ShareFactory(int maxConnections) {
            super(LoopLocalHttpClients.this.properties, LoopLocalHttpClients.this.serverProperties,
                    LoopLocalHttpClients.this.sslConfigurer, LoopLocalHttpClients.this.customizers);
            this.maxConnections = maxConnections;
        }

        HttpClient client() {
            return createInstance();
        }

        @Override
        protected ConnectionProvider buildConnectionProvider(HttpClientProperties shared) {
            return super.buildConnectionProvider(withMaxConnections(shared, maxConnections));
        }
    }

    /** The pool settings of {@code shared} (the only part the factory's pool reads) with another maximum. */
    static HttpClientProperties withMaxConnections(HttpClientProperties shared, int maxConnections) {
        HttpClientProperties copy = new HttpClientProperties();
        HttpClientProperties.Pool from = shared.getPool();
        HttpClientProperties.Pool to = copy.getPool();
        to.setType(from.getType());
        to.setName(from.getName());
        to.setMaxConnections(maxConnections);
        to.setAcquireTimeout(from.getAcquireTimeout());
        to.setMaxIdleTime(from.getMaxIdleTime());
        to.setMaxLifeTime(from.getMaxLifeTime());
        to.setEvictionInterval(from.getEvictionInterval());
        to.setMetrics(from.isMetrics());
        to.setLeasingStrategy(from.getLeasingStrategy());
        return copy;
    }

    /** Loop resources that are one loop of the server's, which they do not own: nothing to dispose. */
    private record OneLoop(EventLoop loop) implements LoopResources {

        @Override
        public EventLoopGroup onServer(boolean useNative) {
            return loop;
        }

        @Override
        public EventLoopGroup onClient(boolean useNative) {
            return loop;
        }

        @Override
        public void dispose() {
        }

        @Override
        public Mono<Void> disposeLater() {
            return Mono.empty();
        }
    }
}
