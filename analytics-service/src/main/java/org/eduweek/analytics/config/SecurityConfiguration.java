package org.eduweek.analytics.config;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.oauth2.server.resource.web.BearerTokenResolver;
import org.springframework.security.oauth2.server.resource.web.DefaultBearerTokenResolver;

@Configuration
public class SecurityConfiguration {

    static final String STREAM_PATH = "/api/analytics/stream";

    /**
     * A browser's EventSource cannot send an Authorization header, so the live stream (and only it) also takes the
     * token as {@code ?access_token=}; everywhere else a token in the URL is ignored (it would end up in logs).
     */
    @Bean
    BearerTokenResolver bearerTokenResolver() {
        DefaultBearerTokenResolver headerOnly = new DefaultBearerTokenResolver();
        DefaultBearerTokenResolver headerOrQuery = new DefaultBearerTokenResolver();
        headerOrQuery.setAllowUriQueryParameter(true);
        return request -> STREAM_PATH.equals(request.getRequestURI()) ? headerOrQuery.resolve(request)
                : headerOnly.resolve(request);
    }
}
