package org.eduweek.gateway.web;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.Resource;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.server.RequestPredicates;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerResponse;

/**
 * {@code GET /checkin}: the door check-in page for organizers' phones and tablets ({@code static/checkin.html}). The
 * page itself is public, like the portal's; it asks who is signed in ({@code /auth/me}) and its data calls are
 * organizer-only at the edge and in registration-service.
 */
@Configuration(proxyBeanMethods = false)
public class DoorPage {

    public static final String PATH = "/checkin";

    @Bean
    RouterFunction<ServerResponse> doorCheckInPage(@Value("classpath:/static/checkin.html") Resource page) {
        return RouterFunctions.route(RequestPredicates.GET(PATH).or(RequestPredicates.HEAD(PATH)),
                request -> ServerResponse.ok().contentType(new MediaType(MediaType.TEXT_HTML,
                        java.nio.charset.StandardCharsets.UTF_8)).cacheControl(CacheControl.noCache()).bodyValue(page));
    }
}
