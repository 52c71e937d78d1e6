package org.eduweek.platform.health;

import org.bson.Document;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.context.annotation.Bean;
import org.springframework.data.mongodb.core.MongoTemplate;

/**
 * Boot 4's MongoDB health check sends {@code hello}, which the embedded mongo-java-server does not know, so every
 * service stayed DOWN on the embedded stack. {@code ping} works on every MongoDB; the bean name replaces Boot's.
 */
@AutoConfiguration(beforeName = "org.springframework.boot.mongodb.autoconfigure.health.MongoHealthContributorAutoConfiguration")
@ConditionalOnClass(MongoTemplate.class)
public class MongoPingHealthConfiguration {

    @Bean(name = "mongoHealthContributor")
    @ConditionalOnMissingBean(name = { "mongoHealthContributor", "mongoHealthIndicator" })
    HealthIndicator mongoHealthContributor(ObjectProvider<MongoTemplate> mongo) {
        return () -> {
            try {
                MongoTemplate template = mongo.getObject();
                template.executeCommand(new Document("ping", 1));
                return Health.up().withDetail("database", template.getDb().getName()).build();
            } catch (RuntimeException e) {
                return Health.down(e).build();
            }
        };
    }
}
