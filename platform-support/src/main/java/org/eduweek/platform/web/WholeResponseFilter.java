package org.eduweek.platform.web;

import java.io.IOException;
import java.io.PrintWriter;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.filter.ShallowEtagHeaderFilter;
import org.springframework.web.util.ContentCachingResponseWrapper;
import org.springframework.web.util.WebUtils;

/**
 * Sends each answer whole, with a {@code Content-Length}, in one write.
 * <p>
 * Spring's JSON writer flushes the response when it has written the body, which commits it: Tomcat would then send
 * the answer chunked, in two writes (headers and body, then the terminating chunk alone), and every hop on the way
 * would read each answer twice (the gateway would run its response path twice per answer and write to the client
 * twice). Here the body is kept until the handler returns and then written with its length.
 * <p>
 * Streams are written as they come: Spring MVC marks Server-Sent Events, {@code ResponseBodyEmitter} and
 * {@code StreamingResponseBody} answers with {@link ShallowEtagHeaderFilter#disableContentCaching}, and from then on
 * this response writes and flushes straight through. (Spring's own {@code ShallowEtagHeaderFilter} honours that mark
 * for writes but not for {@code flushBuffer()}, so behind it each event waited in Tomcat's buffer: the event
 * stream's test caught it.)
 */
public class WholeResponseFilter extends OncePerRequestFilter {

    /**
     * The request attribute {@link ShallowEtagHeaderFilter#disableContentCaching} sets (Spring keeps its reader
     * private; {@code WholeResponseFilterTest} checks the name against Spring's own method).
     */
    static final String STREAMING_ATTRIBUTE = ShallowEtagHeaderFilter.class.getName() + ".STREAMING";

    @Override
    protected boolean shouldNotFilterAsyncDispatch() {
        return false; // an asynchronous answer is completed (and written) in its async dispatch
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        WholeResponse whole = WebUtils.getNativeResponse(response, WholeResponse.class);
        HttpServletResponse toUse = response;
        if (whole == null && !isAsyncDispatch(request)) {
            whole = new WholeResponse(response, request);
            toUse = whole;
        }
        chain.doFilter(request, toUse);
        if (whole != null && !isAsyncStarted(request) && !whole.passingThrough()) {
            whole.copyBodyToResponse();
        }
    }

    /**
     * Keeps the body until {@link #copyBodyToResponse()}, unless the answer has become a stream or announced its
     * length before its body (a {@code byte[]} answer such as the programme listing: it goes out whole anyway, so
     * keeping a copy of it would be work for nothing).
     */
    static final class WholeResponse extends ContentCachingResponseWrapper {

        private final HttpServletRequest request;
        private boolean lengthFirst;

        WholeResponse(HttpServletResponse response, HttpServletRequest request) {
            super(response);
            this.request = request;
        }

        boolean streaming() {
            return request.getAttribute(STREAMING_ATTRIBUTE) != null;
        }

        /** Written straight through: a stream, or an answer whose length came before its body. */
        boolean passingThrough() {
            return lengthFirst || streaming();
        }

        @Override
        public void setContentLength(int len) {
            setContentLengthLong(len);
        }

        @Override
        public void setContentLengthLong(long len) {
            if (lengthFirst || getContentSize() == 0) {
                lengthFirst = true;
                getResponse().setContentLengthLong(len);
            } else {
                super.setContentLengthLong(len);
            }
        }

        /** True once the body goes straight through; whatever was kept before goes out first. */
        private boolean streamingNow() throws IOException {
            if (!passingThrough()) {
                return false;
            }
            copyBodyToResponse(false);
            return true;
        }

        @Override
        public ServletOutputStream getOutputStream() throws IOException {
            return streamingNow() ? getResponse().getOutputStream() : super.getOutputStream();
        }

        @Override
        public PrintWriter getWriter() throws IOException {
            return streamingNow() ? getResponse().getWriter() : super.getWriter();
        }

        @Override
        public void flushBuffer() throws IOException {
            if (streamingNow()) {
                getResponse().flushBuffer();
            } else {
                super.flushBuffer(); // keeps the body: the answer is not complete yet
            }
        }
    }
}
