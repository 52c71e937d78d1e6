package org.eduweek.gateway.limits;

import java.time.Duration;

import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import io.github.bucket4j.distributed.ExpirationAfterWriteStrategy;
import io.github.bucket4j.distributed.proxy.AsyncProxyManager;
import io.github.bucket4j.redis.lettuce.Bucket4jLettuce;
import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.codec.ByteArrayCodec;
import io.lettuce.core.codec.RedisCodec;
import io.lettuce.core.codec.StringCodec;

/**
 * The bucket store. In memory (local Bucket4j buckets in a bounded Caffeine cache; a bucket is dropped once it would
 * be full again) for one gateway instance; several instances behind a load balancer share buckets in Redis ({@code RATE_LIMIT_REDIS_URI}, e.g.
 * {@code redis://redis:6379}), using Bucket4j's compare-and-swap protocol over Lettuce's async API.
 */
@Configuration(proxyBeanMethods = false)
public class RateLimitConfiguration {

    private static final String REDIS_SET = "!'${eduweek.gateway.rate-limit-redis-uri:}'.isBlank()";
    private static final ExpirationAfterWriteStrategy EXPIRY = ExpirationAfterWriteStrategy
            .basedOnTimeForRefillingBucketUpToMax(Duration.ofSeconds(10));

    @Bean
    @ConditionalOnExpression("'${eduweek.gateway.rate-limit-redis-uri:}'.isBlank()")
    BucketStore inMemoryBuckets() {
        return BucketStore.inMemory(100_000);
    }

    @Bean(destroyMethod = "shutdown")
    @ConditionalOnExpression(REDIS_SET)
    RedisClient rateLimitRedisClient(org.eduweek.gateway.config.GatewayProperties props) {
        return RedisClient.create(props.rateLimitRedisUri());
    }

    @Bean
    @ConditionalOnExpression(REDIS_SET)
    BucketStore redisBuckets(RedisClient client) {
        StatefulRedisConnection<String, byte[]> connection = client
                .connect(RedisCodec.of(StringCodec.UTF8, ByteArrayCodec.INSTANCE));
        AsyncProxyManager<String> proxies = Bucket4jLettuce.casBasedBuilder(connection).expirationAfterWrite(EXPIRY)
                .build().asAsync();
        return BucketStore.distributed(proxies);
    }
}
