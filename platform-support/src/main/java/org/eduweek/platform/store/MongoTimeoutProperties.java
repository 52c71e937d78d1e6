package org.eduweek.platform.store;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How long a service waits for its MongoDB before giving up, so a store that hangs (connection open, no answers)
 * turns into a 503 with {@code Retry-After} from the service well within the gateway's response timeout (10 s),
 * instead of a request held until the gateway gives up. Each bound is one env var (docs/CONTRACTS.md); a timeout
 * option in {@code MONGODB_URI} ({@code connectTimeoutMS}, {@code socketTimeoutMS}, {@code serverSelectionTimeoutMS},
 * {@code waitQueueTimeoutMS}) wins over it.
 *
 * @param connectTimeout         opening a connection, and the server monitor's wait for each heartbeat answer
 *                               ({@code MONGODB_CONNECT_TIMEOUT})
 * @param readTimeout            waiting for one answer on an open connection: one command's reply or one batch of a
 *                               cursor, not a whole iteration ({@code MONGODB_READ_TIMEOUT}). The driver retries a
 *                               read once after a network error, so a read can take twice this.
 * @param serverSelectionTimeout waiting for a usable server while the monitor sees none
 *                               ({@code MONGODB_SERVER_SELECTION_TIMEOUT})
 * @param poolWaitTimeout        waiting for a free pooled connection ({@code MONGODB_POOL_WAIT_TIMEOUT})
 */
@ConfigurationProperties("eduweek.mongodb")
public record MongoTimeoutProperties(
        @DefaultValue("2s") Duration connectTimeout,
        @DefaultValue("3s") Duration readTimeout,
        @DefaultValue("3s") Duration serverSelectionTimeout,
        @DefaultValue("3s") Duration poolWaitTimeout) {

    public MongoTimeoutProperties {
        require("MONGODB_CONNECT_TIMEOUT", connectTimeout);
        require("MONGODB_READ_TIMEOUT", readTimeout);
        require("MONGODB_SERVER_SELECTION_TIMEOUT", serverSelectionTimeout);
        require("MONGODB_POOL_WAIT_TIMEOUT", poolWaitTimeout);
    }

    /** Zero would mean "wait forever" to the driver: exactly what these bounds are here to prevent. */
    private static void require(String variable, Duration value) {
        if (value == null || value.isNegative() || value.isZero()) {
            throw new IllegalArgumentException(variable + " must be a positive duration such as 3s, not " + value);
        }
    }
}
