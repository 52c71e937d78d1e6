package org.eduweek.platform.web;

import java.util.List;

/**
 * Failures that mean "the store or the broker cannot be reached right now", not "this request is wrong": the
 * answer is 503 with {@code Retry-After}, so clients and the gateway retry later instead of reporting a bug.
 */
public final class Unavailable {

    /** Seconds a client should wait before trying again. */
    static final int RETRY_AFTER_SECONDS = 5;

    private static final List<String> INFRASTRUCTURE = List.of(
            "org.springframework.dao.DataAccessResourceFailureException",
            "org.springframework.dao.TransientDataAccessException",
            "com.mongodb.MongoSocketException",
            // server selection, a pool wait, an operation timeout; a read timeout is a MongoSocketException
            "com.mongodb.MongoTimeoutException",
            "com.mongodb.MongoConnectionPoolClearedException",
            "com.mongodb.MongoNotPrimaryException",
            "org.apache.kafka.common.errors.TimeoutException",
            "org.apache.kafka.common.errors.RetriableException");

    private Unavailable() {
    }

    /** Whether {@code error}, or one of its causes, says the store or the broker is out of reach. */
    public static boolean isInfrastructure(Throwable error) {
        for (Throwable t = error; t != null; t = t.getCause() == t ? null : t.getCause()) {
            for (Class<?> c = t.getClass(); c != null; c = c.getSuperclass()) {
                if (INFRASTRUCTURE.contains(c.getName())) {
                    return true;
                }
            }
        }
        return false;
    }
}
