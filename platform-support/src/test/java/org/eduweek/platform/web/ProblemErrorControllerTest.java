package org.eduweek.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.servlet.RequestDispatcher;

import org.junit.jupiter.api.Test;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.mock.web.MockHttpServletRequest;

class ProblemErrorControllerTest {

    private final ProblemErrorController controller = new ProblemErrorController();

    private static MockHttpServletRequest failed(int status, Throwable error) {
        MockHttpServletRequest request = new MockHttpServletRequest("POST", "/error");
        request.setAttribute(RequestDispatcher.ERROR_STATUS_CODE, status);
        request.setAttribute(RequestDispatcher.ERROR_EXCEPTION, error);
        return request;
    }

    @Test
    void aStoreOutOfReachInAFilterIsA503WithRetryAfter() {
        RuntimeException frozen = new IllegalStateException("idempotency check failed",
                new DataAccessResourceFailureException("Timed out while waiting for a server",
                        new com.mongodb.MongoTimeoutException("Timed out")));

        ResponseEntity<ProblemDetail> answer = controller.error(failed(500, frozen));

        assertThat(answer.getStatusCode().value()).isEqualTo(503);
        assertThat(answer.getHeaders().getFirst(HttpHeaders.RETRY_AFTER)).isEqualTo("5");
        assertThat(answer.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(answer.getBody().getType().toString()).endsWith("/unavailable");
        assertThat(answer.getBody().getProperties()).containsKey("errors");
    }

    @Test
    void aRequestTheContainerRefusedKeepsItsStatusInTheProblemShape() {
        ResponseEntity<ProblemDetail> answer = controller.error(failed(400, null));

        assertThat(answer.getStatusCode().value()).isEqualTo(400);
        assertThat(answer.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(answer.getBody().getStatus()).isEqualTo(400);
        assertThat(answer.getBody().getProperties()).containsKey("errors");
    }

    @Test
    void anythingElseIsAnInternalErrorWithoutDetails() {
        ResponseEntity<ProblemDetail> answer = controller.error(failed(500, new IllegalStateException("secret")));

        assertThat(answer.getStatusCode().value()).isEqualTo(500);
        assertThat(answer.getBody().getDetail()).doesNotContain("secret");
    }
}
