package org.eduweek.gateway.filter;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.ssl.DefaultSslBundleRegistry;
import org.springframework.boot.web.server.autoconfigure.ServerProperties;
import org.springframework.cloud.gateway.config.HttpClientProperties;
import org.springframework.cloud.gateway.config.HttpClientSslConfigurer;

import com.sun.net.httpserver.HttpServer;

import io.netty.channel.EventLoop;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import reactor.netty.http.client.HttpClient;

class LoopLocalHttpClientsTest {

    private final EventLoopGroup loops = new MultiThreadIoEventLoopGroup(2, NioIoHandler.newFactory());
    private EventLoop first;
    private EventLoop second;
    private HttpServer service;
    private LoopLocalHttpClients clients;

    @BeforeEach
    void start() throws IOException {
        var iterator = loops.iterator();
        first = (EventLoop) iterator.next();
        second = (EventLoop) iterator.next();
        service = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 50);
        service.createContext("/", exchange -> {
            byte[] body = "{}".getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        service.start();
        HttpClientProperties properties = new HttpClientProperties();
        properties.getPool().setType(HttpClientProperties.Pool.PoolType.FIXED);
        properties.getPool().setMaxConnections(5);
        properties.getPool().setAcquireTimeout(2000L);
        properties.getPool().setMaxIdleTime(Duration.ofSeconds(15));
        properties.setConnectTimeout(500);
        ServerProperties server = new ServerProperties();
        clients = new LoopLocalHttpClients(properties, server,
                new HttpClientSslConfigurer(properties.getSsl(), server, new DefaultSslBundleRegistry()),
                new ArrayList<>());
    }

    @AfterEach
    void stop() {
        service.stop(0);
        loops.shutdownGracefully(0, 1, java.util.concurrent.TimeUnit.SECONDS).syncUninterruptibly();
    }

    @Test
    void eachLoopHasOneClientOfItsOwn() {
        HttpClient onFirst = clients.forLoop(first);

        assertThat(clients.forLoop(first)).isSameAs(onFirst);
        assertThat(clients.forLoop(second)).isNotSameAs(onFirst);
    }

    @Test
    void aLoopsClientConnectsOnThatLoopOnlyWhicheverThreadAsks() {
        List<EventLoop> servedBy = new CopyOnWriteArrayList<>();
        HttpClient onSecond = clients.forLoop(second).doOnConnected(c -> servedBy.add(c.channel().eventLoop()));

        for (int i = 0; i < 4; i++) {
            String body = onSecond.get().uri("http://127.0.0.1:" + service.getAddress().getPort() + "/x")
                    .responseContent().aggregate().asString().block(Duration.ofSeconds(5));
            assertThat(body).isEqualTo("{}");
        }

        assertThat(servedBy).isNotEmpty().containsOnly(second);
    }

    @Test
    void theLoopsShareTheConfiguredConnectionsAndKeepThePoolSettings() {
        assertThat(clients.forLoop(first).configuration().connectionProvider().maxConnections()).isEqualTo(2);
        assertThat(clients.forLoop(second).configuration().connectionProvider().maxConnections()).isEqualTo(2);

        HttpClientProperties shared = new HttpClientProperties();
        shared.getPool().setName("proxy");
        shared.getPool().setAcquireTimeout(1234L);
        shared.getPool().setMaxIdleTime(Duration.ofSeconds(15));
        shared.getPool().setLeasingStrategy(HttpClientProperties.Pool.LeasingStrategy.LIFO);
        HttpClientProperties share = LoopLocalHttpClients.withMaxConnections(shared, 7);
        assertThat(share.getPool().getMaxConnections()).isEqualTo(7);
        assertThat(share.getPool().getAcquireTimeout()).isEqualTo(1234L);
        assertThat(share.getPool().getMaxIdleTime()).isEqualTo(Duration.ofSeconds(15));
        assertThat(share.getPool().getLeasingStrategy()).isEqualTo(HttpClientProperties.Pool.LeasingStrategy.LIFO);
        assertThat(share.getPool().getName()).isEqualTo("proxy");
    }
}
