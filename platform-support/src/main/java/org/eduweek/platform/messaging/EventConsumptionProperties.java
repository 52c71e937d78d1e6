package org.eduweek.platform.messaging;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Retries of a failing record before it is dead-lettered, for batch listeners and for Stream bindings that do not
 * set their own ({@code max-attempts} and {@code back-off-initial-interval} on a binding win for that binding), and
 * the most records a batch listener takes per poll.
 */
@ConfigurationProperties("eduweek.messaging")
public record EventConsumptionProperties(@DefaultValue("3") int maxAttempts,
        @DefaultValue("200ms") Duration backOffInitial, @DefaultValue("10s") Duration backOffMax,
        @DefaultValue("500") int batchMaxRecords) {
}
