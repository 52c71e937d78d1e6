package org.eduweek.platform.idempotency;

import java.time.Clock;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.data.mongodb.core.MongoTemplate;

/**
 * Turns on {@code Idempotency-Key} handling in every servlet service that has MongoDB. The filter sits right after
 * Spring Security's chain (order -100) so it knows the caller. Disable with {@code eduweek.idempotency.enabled=false}.
 */
@AutoConfiguration(afterName = "org.springframework.boot.data.mongodb.autoconfigure.DataMongoAutoConfiguration")
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@ConditionalOnProperty(prefix = "eduweek.idempotency", name = "enabled", matchIfMissing = true)
@EnableConfigurationProperties(IdempotencyProperties.class)
public class IdempotencyConfiguration {

    /** Just after Spring Security's filter chain, whose default order is -100. */
    public static final int FILTER_ORDER = -99;

    @Bean
    @ConditionalOnBean(MongoTemplate.class)
    IdempotencyStore idempotencyStore(MongoTemplate mongo, IdempotencyProperties props, ObjectProvider<Clock> clock) {
        return new IdempotencyStore(mongo, props, clock.getIfAvailable(Clock::systemUTC));
    }

    @Bean
    @ConditionalOnBean(IdempotencyStore.class)
    FilterRegistrationBean<IdempotencyFilter> idempotencyFilter(IdempotencyStore store) {
        FilterRegistrationBean<IdempotencyFilter> registration = new FilterRegistrationBean<>(
                new IdempotencyFilter(store));
        registration.setOrder(FILTER_ORDER);
        registration.addUrlPatterns("/*");
        return registration;
    }

    @Bean
    @ConditionalOnBean(IdempotencyStore.class)
    IdempotencyCleanup idempotencyCleanup(IdempotencyStore store, IdempotencyProperties props) {
        return new IdempotencyCleanup(store, props);
    }
}
