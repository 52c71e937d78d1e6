package org.eduweek.platform.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.TimeUnit;

import com.mongodb.MongoClientSettings;
import com.mongodb.client.MongoClient;

import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.mongodb.autoconfigure.MongoAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

class MongoTimeoutsConfigurationTest {

    private final ApplicationContextRunner context = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(MongoTimeoutsConfiguration.class, MongoAutoConfiguration.class))
            .withPropertyValues("spring.mongodb.uri=mongodb://127.0.0.1:1/eduweek-timeouts-test");

    @Test
    void boundsEveryWaitOfTheClientBelowTheGatewaysTimeoutByDefault() {
        context.run(c -> {
            MongoClientSettings settings = settingsOf(c.getBean(MongoClient.class));
            assertThat(settings.getSocketSettings().getConnectTimeout(TimeUnit.MILLISECONDS)).isEqualTo(2_000);
            assertThat(settings.getSocketSettings().getReadTimeout(TimeUnit.MILLISECONDS)).isEqualTo(3_000);
            assertThat(settings.getClusterSettings().getServerSelectionTimeout(TimeUnit.MILLISECONDS))
                    .isEqualTo(3_000);
            assertThat(settings.getConnectionPoolSettings().getMaxWaitTime(TimeUnit.MILLISECONDS)).isEqualTo(3_000);
            // a hung store must not hold the monitor either: its heartbeat read is bounded by the connect timeout
            assertThat(settings.getHeartbeatSocketSettings().getReadTimeout(TimeUnit.MILLISECONDS)).isEqualTo(2_000);
        });
    }

    @Test
    void takesTheBoundsFromProperties() {
        context.withPropertyValues("eduweek.mongodb.read-timeout=7s", "eduweek.mongodb.connect-timeout=500ms",
                "eduweek.mongodb.server-selection-timeout=4s", "eduweek.mongodb.pool-wait-timeout=1s").run(c -> {
                    MongoClientSettings settings = settingsOf(c.getBean(MongoClient.class));
                    assertThat(settings.getSocketSettings().getReadTimeout(TimeUnit.MILLISECONDS)).isEqualTo(7_000);
                    assertThat(settings.getSocketSettings().getConnectTimeout(TimeUnit.MILLISECONDS)).isEqualTo(500);
                    assertThat(settings.getClusterSettings().getServerSelectionTimeout(TimeUnit.MILLISECONDS))
                            .isEqualTo(4_000);
                    assertThat(settings.getConnectionPoolSettings().getMaxWaitTime(TimeUnit.MILLISECONDS))
                            .isEqualTo(1_000);
                });
    }

    @Test
    void aTimeoutInTheConnectionStringWins() {
        context.withPropertyValues("spring.mongodb.uri=mongodb://127.0.0.1:1/eduweek-timeouts-test"
                + "?socketTimeoutMS=9000&serverSelectionTimeoutMS=1500").run(c -> {
                    MongoClientSettings settings = settingsOf(c.getBean(MongoClient.class));
                    assertThat(settings.getSocketSettings().getReadTimeout(TimeUnit.MILLISECONDS)).isEqualTo(9_000);
                    assertThat(settings.getClusterSettings().getServerSelectionTimeout(TimeUnit.MILLISECONDS))
                            .isEqualTo(1_500);
                    assertThat(settings.getSocketSettings().getConnectTimeout(TimeUnit.MILLISECONDS))
                            .isEqualTo(2_000);
                });
    }

    @Test
    void refusesAZeroBoundWhichTheDriverWouldTakeAsForever() {
        context.withPropertyValues("eduweek.mongodb.read-timeout=0s").run(c -> assertThat(c).hasFailed()
                .getFailure().rootCause().hasMessageContaining("MONGODB_READ_TIMEOUT"));
    }

    private static MongoClientSettings settingsOf(MongoClient client) throws Exception {
        return (MongoClientSettings) client.getClass().getMethod("getSettings").invoke(client);
    }
}
