package org.eduweek.analytics.config;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.security.SecurityScheme;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration
public class OpenApiConfiguration {

    @Bean
    OpenAPI analyticsOpenApi() {
        return new OpenAPI()
                .info(new Info().title("eduweek analytics-service").version("v1").description(
                        "Live figures built only from events (registration, schedule, notification topics): per "
                                + "session, activity, track and edition, with breakdowns (groups under 3 people "
                                + "shown as \"<3\"), time series, CSV export and a Server-Sent Events stream. "
                                + "The same figures are published on the compacted topics analytics.session-stats.v1 "
                                + "and analytics.edition-summary.v1. ORGANIZER or ADMIN tokens only."))
                .components(new Components().addSecuritySchemes("bearer",
                        new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("bearer").bearerFormat("JWT")));
    }
}
