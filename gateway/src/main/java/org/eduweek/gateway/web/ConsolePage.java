package org.eduweek.gateway.web;

import java.net.URI;

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
 * The organizer console's page at {@code /organizer} (and {@code /admin}, which sends there). The page itself is
 * public like the portal's: it asks {@code /auth/me} who is signed in and offers the sign-in; every data call it
 * makes stays behind the edge's role rules and the services' own checks.
 */
@Configuration(proxyBeanMethods = false)
public class ConsolePage {

    public static final String PATH = "/organizer";
    private static final Resource PAGE = new ClassPathResource("static/organizer.html");

    @Bean
    RouterFunction<ServerResponse> organizerConsole() {
        return RouterFunctions
                .route(RequestPredicates.GET(PATH).or(RequestPredicates.GET(PATH + "/")),
                        request -> ServerResponse.ok().contentType(MediaType.TEXT_HTML)
                                .cacheControl(CacheControl.noCache()).bodyValue(PAGE))
                .andRoute(RequestPredicates.GET("/admin").or(RequestPredicates.GET("/admin/")),
                        request -> ServerResponse.seeOther(URI.create(PATH)).build());
    }
}
