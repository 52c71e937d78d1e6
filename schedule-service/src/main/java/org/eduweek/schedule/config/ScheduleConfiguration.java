package org.eduweek.schedule.config;

import java.time.Clock;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;

import org.eduweek.platform.teams.EditionGuard;
import org.eduweek.schedule.store.TeamStore;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.mongodb.repository.config.EnableMongoRepositories;

@Configuration
@EnableMongoRepositories(basePackages = "org.eduweek.schedule.store", considerNestedRepositories = true)
public class ScheduleConfiguration {

    /** Injected everywhere time matters, so tests can pin it. */
    @Bean
    @ConditionalOnMissingBean
    Clock clock() {
        return Clock.systemUTC();
    }

    /** The edition-team rule of platform-support, over this service's own team store. */
    @Bean
    EditionGuard editionGuard(TeamStore teams) {
        return new EditionGuard(teams);
    }

    @Bean
    OpenAPI scheduleOpenApi() {
        return new OpenAPI().info(new Info().title("eduweek schedule-service").version("v1").description(
                "The programme of an International Education Week: editions, tracks, activities, sessions, venues, "
                        + "institutions, speakers, releases and iCalendar feeds. Texts answer in the language of "
                        + "Accept-Language or lang= (en, zh), falling back to the other. Publishing emits "
                        + "SessionScheduled / SessionChanged / SessionCancelled on schedule.events.v1."));
    }
}
