package org.eduweek.gateway.web;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.reactor.netty.NettyServerCustomizer;
import org.springframework.stereotype.Component;
import org.springframework.util.unit.DataSize;

import reactor.netty.NettyPipeline;
import reactor.netty.http.server.HttpServer;

/** Installs {@link DecodingFailureProblems} behind the HTTP/1.1 codec of every accepted connection. */
@Component
class DecodingFailureProblemsCustomizer implements NettyServerCustomizer {

    private final DataSize maxHeaderSize;

    DecodingFailureProblemsCustomizer(@Value("${server.max-http-request-header-size:8KB}") DataSize maxHeaderSize) {
        this.maxHeaderSize = maxHeaderSize;
    }

    @Override
    public HttpServer apply(HttpServer server) {
        return server.doOnChannelInit((observer, channel, remoteAddress) -> {
            if (channel.pipeline().get(NettyPipeline.HttpCodec) != null) {
                channel.pipeline().addAfter(NettyPipeline.HttpCodec, DecodingFailureProblems.NAME,
                        new DecodingFailureProblems(maxHeaderSize));
            }
        });
    }
}
