package org.eduweek.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import com.mongodb.MongoOperationTimeoutException;
import com.mongodb.MongoSocketReadTimeoutException;
import com.mongodb.MongoTimeoutException;
import com.mongodb.ServerAddress;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.QueryTimeoutException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * Each way the MongoDB driver (and Spring's translation of it) or the Kafka client says "no answer in time" is a
 * 503 problem with {@code Retry-After}, in the caller's language.
 */
class StoreTimeoutProblemTest {

    static List<Exception> timeouts() {
        ServerAddress store = new ServerAddress("127.0.0.1", 27017);
        MongoSocketReadTimeoutException read = new MongoSocketReadTimeoutException("Timeout while receiving message",
                store, new java.net.SocketTimeoutException("Read timed out"));
        return List.of(read,
                new DataAccessResourceFailureException("Timeout while receiving message", read),
                new MongoTimeoutException("Timed out while waiting for a server"),
                new DataAccessResourceFailureException("Timed out", new MongoTimeoutException("pool wait")),
                new MongoOperationTimeoutException("Operation exceeded the timeout limit"),
                new QueryTimeoutException("Query timed out"),
                new org.apache.kafka.common.errors.TimeoutException("Expiring 1 record(s)"));
    }

    @ParameterizedTest
    @MethodSource("timeouts")
    void isA503WithRetryAfterInTheCallersLanguage(Exception timeout) {
        MockHttpServletRequest request = new MockHttpServletRequest("POST", "/api/registrations");
        request.addHeader(HttpHeaders.ACCEPT_LANGUAGE, "zh-CN");
        RequestContextHolder.setRequestAttributes(new ServletRequestAttributes(request));
        try {
            ResponseEntity<ProblemDetail> answer = new ProblemDetailsHandler().unexpected(timeout);

            assertThat(answer.getStatusCode().value()).isEqualTo(503);
            assertThat(answer.getHeaders().getFirst(HttpHeaders.RETRY_AFTER)).isEqualTo("5");
            assertThat(answer.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
            assertThat(answer.getHeaders().getFirst(HttpHeaders.CONTENT_LANGUAGE)).isEqualTo("zh");
            assertThat(answer.getBody().getType().toString()).endsWith("/unavailable");
            assertThat(answer.getBody().getTitle()).isEqualTo("服务暂不可用");
            assertThat(answer.getBody().getProperties()).containsEntry("errors", List.of());
        } finally {
            RequestContextHolder.resetRequestAttributes();
        }
    }
}
