package org.eduweek.platform.web;

import java.io.IOException;
import java.io.Writer;
import java.util.List;

import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;

import tools.jackson.databind.json.JsonMapper;

/**
 * Tomcat's own error report, for requests it refuses before any servlet sees them (an encoded NUL or slash, dot
 * segments, a path that is not UTF-8): the contract's problem body in the caller's language instead of Tomcat's HTML
 * page with its version.
 */
public class ProblemErrorReportValve extends ErrorReportValve {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Override
    protected void report(Request request, Response response, Throwable throwable) {
        int code = response.getStatus();
        if (code < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
            return;
        }
        HttpStatus status = HttpStatus.resolve(code);
        if (status == null) {
            status = code < 500 ? HttpStatus.BAD_REQUEST : HttpStatus.INTERNAL_SERVER_ERROR;
        }
        String detail = status == HttpStatus.BAD_REQUEST
                ? "The request path or query is malformed (an encoded NUL, slash or dot segment, or bytes that are "
                        + "not UTF-8)"
                : "The request was refused: " + status.getReasonPhrase();
        ProblemDetail problem = Problems.of(status, ProblemDetailsHandler.slugFor(status), status.getReasonPhrase(),
                detail, List.of());
        HttpHeaders headers = new HttpHeaders();
        ProblemMessages.headers(headers, ProblemMessages.shared().localize(problem, request));
        try {
            response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
            response.setCharacterEncoding("UTF-8");
            headers.forEach((name, values) -> values.forEach(v -> response.addHeader(name, v)));
            response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
            Writer writer = response.getReporter();
            if (writer != null) {
                writer.write(JSON.writeValueAsString(Problems.body(problem)));
                response.finishResponse();
            }
        } catch (IOException | IllegalStateException e) {
            // the connection is gone or the answer already started; nothing more to say
        }
    }
}
