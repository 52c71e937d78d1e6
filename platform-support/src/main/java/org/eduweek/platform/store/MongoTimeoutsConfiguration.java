package org.eduweek.platform.store;

import java.util.concurrent.TimeUnit;

import com.mongodb.MongoClientSettings;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.mongodb.autoconfigure.MongoClientSettingsBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.core.Ordered;

/**
 * The one place the MongoDB client's timeouts are set, for every service ({@link MongoTimeoutProperties}). The
 * customizer runs before Boot's own, which applies {@code MONGODB_URI}: a timeout named in the URI wins.
 * <p>
 * Work in the background is not broken by these bounds: the outbox relay, the reconcilers, the notification
 * dispatcher's scans and the analytics publisher each catch a failed round and try again on the next one; the read
 * timeout bounds one reply or one cursor batch, so a long iteration is fine as long as each batch answers in time.
 * The driver has no change stream or tailable cursor open here (those would need a longer bound).
 */
@AutoConfiguration(beforeName = "org.springframework.boot.mongodb.autoconfigure.MongoAutoConfiguration")
@ConditionalOnClass(MongoClientSettings.class)
@EnableConfigurationProperties(MongoTimeoutProperties.class)
public class MongoTimeoutsConfiguration {

    @Bean
    MongoClientSettingsBuilderCustomizer eduweekMongoTimeouts(MongoTimeoutProperties timeouts) {
        return new Timeouts(timeouts);
    }

    /** Applies the bounds to a client's settings; ordered before Boot's URI customizer (order 0). */
    static final class Timeouts implements MongoClientSettingsBuilderCustomizer, Ordered {

        private final MongoTimeoutProperties timeouts;

        Timeouts(MongoTimeoutProperties timeouts) {
            this.timeouts = timeouts;
        }

        @Override
        public void customize(MongoClientSettings.Builder settings) {
            settings.applyToSocketSettings(socket -> socket
                    .connectTimeout(millis(timeouts.connectTimeout()), TimeUnit.MILLISECONDS)
                    .readTimeout(millis(timeouts.readTimeout()), TimeUnit.MILLISECONDS));
            settings.applyToClusterSettings(cluster -> cluster
                    .serverSelectionTimeout(millis(timeouts.serverSelectionTimeout()), TimeUnit.MILLISECONDS));
            settings.applyToConnectionPoolSettings(pool -> pool
                    .maxWaitTime(millis(timeouts.poolWaitTimeout()), TimeUnit.MILLISECONDS));
        }

        @Override
        public int getOrder() {
            return -100;
        }

        private static int millis(java.time.Duration d) {
            return (int) Math.min(Integer.MAX_VALUE, d.toMillis());
        }
    }
}
