package org.eduweek.gateway.web;

import java.net.URI;

import org.springframework.http.HttpStatus;
import org.springframework.util.unit.DataSize;

import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelDuplexHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelPromise;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.TooLongHttpLineException;

/**
 * Gives a problem body to the answers Reactor Netty sends on its own when it cannot decode a request (431 for
 * oversized headers, 414 for an oversized request line, 400 for a malformed request). Those never reach WebFlux: the
 * server writes an empty response and closes the connection. This handler sits right after the HTTP codec, notes the
 * failed request on the way in and fills the empty answer on the way out; every other message passes untouched.
 * One instance per connection.
 */
final class DecodingFailureProblems extends ChannelDuplexHandler {

    static final String NAME = "eduweek.decodingFailureProblems";

    private final DataSize maxHeaderSize;
    private FailedRequest failed;

    private record FailedRequest(String path, Throwable cause) {
    }

    DecodingFailureProblems(DataSize maxHeaderSize) {
        this.maxHeaderSize = maxHeaderSize;
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) throws Exception {
        if (msg instanceof HttpRequest request && request.decoderResult().isFailure()) {
            Throwable cause = request.decoderResult().cause();
            // Without a request line Netty stands in "/bad-request" for the path: the real one is unknown.
            String path = rootCause(cause) instanceof TooLongHttpLineException ? null : pathOf(request.uri());
            failed = new FailedRequest(path, cause);
        }
        super.channelRead(ctx, msg);
    }

    @Override
    public void write(ChannelHandlerContext ctx, Object msg, ChannelPromise promise) throws Exception {
        if (failed != null && msg instanceof FullHttpResponse response && response.content().readableBytes() == 0) {
            HttpStatus status = HttpStatus.resolve(response.status().code());
            if (status != null && status.isError()) {
                FailedRequest request = failed;
                failed = null;
                byte[] body = Problems.json(status, slug(status), status.getReasonPhrase(), detail(status),
                        request.path());
                FullHttpResponse problem = new DefaultFullHttpResponse(response.protocolVersion(), response.status(),
                        Unpooled.wrappedBuffer(body));
                problem.headers().set(response.headers());
                problem.headers().set(HttpHeaderNames.CONTENT_TYPE, Problems.PROBLEM_JSON.toString());
                problem.headers().setInt(HttpHeaderNames.CONTENT_LENGTH, body.length);
                response.release();
                super.write(ctx, problem, promise);
                return;
            }
        }
        super.write(ctx, msg, promise);
    }

    private static String slug(HttpStatus status) {
        return switch (status) {
            case REQUEST_HEADER_FIELDS_TOO_LARGE -> "request-header-fields-too-large";
            case URI_TOO_LONG -> "uri-too-long";
            default -> "malformed-request";
        };
    }

    private String detail(HttpStatus status) {
        return switch (status) {
            case REQUEST_HEADER_FIELDS_TOO_LARGE -> "The request headers exceed the limit of "
                    + maxHeaderSize.toBytes() + " bytes.";
            case URI_TOO_LONG -> "The request line is too long.";
            default -> "The request is not valid HTTP.";
        };
    }

    private static Throwable rootCause(Throwable cause) {
        return cause != null && cause.getCause() != null ? cause.getCause() : cause;
    }

    private static String pathOf(String uri) {
        try {
            String path = URI.create(uri).getRawPath();
            return path == null || path.isEmpty() ? "/" : path;
        } catch (IllegalArgumentException notAUri) {
            int query = uri.indexOf('?');
            return query < 0 ? uri : uri.substring(0, query);
        }
    }
}
