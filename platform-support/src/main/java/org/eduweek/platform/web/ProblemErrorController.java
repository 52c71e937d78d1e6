package org.eduweek.platform.web;

import java.util.List;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The container's error page, for failures outside the controllers (a filter that cannot reach the store, a
 * request the servlet container refuses): the same problem body as everywhere else, never Spring's default
 * {@code {"timestamp","status","error","path"}} or an HTML page.
 */
@RestController
public class ProblemErrorController implements ErrorController {

    private static final Logger log = LoggerFactory.getLogger(ProblemErrorController.class);

    @RequestMapping("${server.error.path:${error.path:/error}}")
    public ResponseEntity<ProblemDetail> error(HttpServletRequest request) {
        Throwable error = (Throwable) request.getAttribute(RequestDispatcher.ERROR_EXCEPTION);
        Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        HttpStatus status = code instanceof Integer c ? HttpStatus.resolve(c) : null;
        if (error != null && Unavailable.isInfrastructure(error)) {
            log.warn("Store or broker unavailable: {}", error.toString());
            return ProblemDetailsHandler.unavailable();
        }
        if (status == null || status.is5xxServerError()) {
            if (error != null) {
                log.error("Unexpected failure outside a controller", error);
            }
            ProblemDetail internal = ProblemDetailsHandler.internal();
            return ResponseEntity.status(HttpStatus.INTERNAL_SERVER_ERROR).contentType(MediaType.APPLICATION_PROBLEM_JSON)
                    .headers(ProblemDetailsHandler.localized(internal)).body(internal);
        }
        ProblemDetail problem = Problems.of(status, ProblemDetailsHandler.slugFor(status), status.getReasonPhrase(),
                "The request was refused: " + status.getReasonPhrase(), List.of());
        return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .headers(ProblemDetailsHandler.localized(problem))
                .header(HttpHeaders.CACHE_CONTROL, "no-store").body(problem);
    }
}
