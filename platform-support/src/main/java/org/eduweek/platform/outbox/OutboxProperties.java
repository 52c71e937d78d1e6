package org.eduweek.platform.outbox;

import java.time.Duration;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param collections the collections whose documents may carry an {@code outbox} array
 * @param sweepInterval how often the relay looks for messages left behind (a crash between the write and the send);
 *        the sweep scans whole collections on the embedded store (no partial indexes), so it runs rarely
 * @param batchSize how many documents one relay round reads and publishes before waiting for the acks
 */
@ConfigurationProperties("eduweek.outbox")
public record OutboxProperties(List<String> collections, Duration sweepInterval, Integer batchSize) {

    public OutboxProperties {
        collections = collections == null ? List.of() : collections;
        sweepInterval = sweepInterval == null ? Duration.ofSeconds(10) : sweepInterval;
        batchSize = batchSize == null ? 256 : batchSize;
    }
}
