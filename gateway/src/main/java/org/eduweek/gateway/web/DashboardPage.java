package org.eduweek.gateway.web;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.Resource;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.server.RequestPredicates;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerResponse;

/**
 * {@code GET /dashboard}: the organizers' live dashboard, a static page like the portal. It loads for anyone and asks
 * {@code /auth/me} who is signed in; the figures it shows come from {@code /api/analytics/**}, which stays
 * ORGANIZER/ADMIN only.
 */
@Configuration(proxyBeanMethods = false)
public class DashboardPage {

    static final String PATH = "/dashboard";

    @Bean
    RouterFunction<ServerResponse> dashboardPageRoute() {
        Resource page = new ClassPathResource("static/dashboard.html");
        return RouterFunctions.route(RequestPredicates.GET(PATH).or(RequestPredicates.HEAD(PATH)),
                request -> ServerResponse.ok().contentType(MediaType.TEXT_HTML)
                        .cacheControl(CacheControl.noCache()).bodyValue(page));
    }
}
