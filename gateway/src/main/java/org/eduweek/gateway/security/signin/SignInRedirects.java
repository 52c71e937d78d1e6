package org.eduweek.gateway.security.signin;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.web.server.DefaultServerRedirectStrategy;
import org.springframework.security.web.server.ServerRedirectStrategy;
import org.springframework.security.web.server.authentication.ServerAuthenticationFailureHandler;
import org.springframework.security.web.server.authentication.ServerAuthenticationSuccessHandler;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.util.UriComponentsBuilder;

import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

/** Where the browser goes after signing in, after a failed sign-in, and after signing out. */
final class SignInRedirects {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final ServerRedirectStrategy REDIRECT = new DefaultServerRedirectStrategy();

    private SignInRedirects() {
    }

    /**
     * Back to the portal page the sign-in started from ({@code return=}), else the portal's home; the session now
     * lasts the configured timeout.
     */
    static ServerAuthenticationSuccessHandler toReturnPath(Duration sessionTimeout) {
        return (webFilterExchange, authentication) -> {
            ServerWebExchange exchange = webFilterExchange.getExchange();
            return exchange.getSession().flatMap(session -> {
                session.setMaxIdleTime(sessionTimeout);
                Object back = session.getAttributes().remove(SignInRequestResolver.RETURN_ATTRIBUTE);
                return REDIRECT.sendRedirect(exchange, URI.create(back instanceof String path ? path : "/"));
            });
        };
    }

    /**
     * A sign-in that failed at the provider or on the way back (cancelled, expired, refused) returns to the portal's
     * home with {@code signInError=<OAuth2 error code>}, so the page can say so in its own language.
     */
    static ServerAuthenticationFailureHandler toPortalWithError() {
        return (webFilterExchange, exception) -> REDIRECT.sendRedirect(webFilterExchange.getExchange(),
                UriComponentsBuilder.fromPath("/").queryParam("signInError", errorCode(exception)).build().toUri());
    }

    private static String errorCode(AuthenticationException exception) {
        String code = exception instanceof OAuth2AuthenticationException oauth
                ? oauth.getError().getErrorCode() : "sign_in_failed";
        return code.matches("[A-Za-z0-9_.-]{1,64}") ? code : "sign_in_failed";
    }

    /**
     * Sign-out answers a browser's form post with the redirect to the provider's end-session page, and a script
     * ({@code Accept: application/json}) with {@code 200 {"redirectUrl":"…"}} to navigate to itself (a fetch cannot
     * follow a redirect to another origin).
     */
    static ServerRedirectStrategy redirectOrJson() {
        return (exchange, location) -> {
            if (!wantsJson(exchange)) {
                return REDIRECT.sendRedirect(exchange, location);
            }
            exchange.getResponse().setStatusCode(HttpStatus.OK);
            exchange.getResponse().getHeaders().setContentType(MediaType.APPLICATION_JSON);
            byte[] body = JSON.writeValueAsString(java.util.Map.of("redirectUrl", location.toString()))
                    .getBytes(StandardCharsets.UTF_8);
            return exchange.getResponse().writeWith(Mono.just(exchange.getResponse().bufferFactory().wrap(body)));
        };
    }

    private static boolean wantsJson(ServerWebExchange exchange) {
        List<MediaType> accepted = exchange.getRequest().getHeaders().getAccept();
        return accepted.stream().anyMatch(MediaType.APPLICATION_JSON::equalsTypeAndSubtype)
                && accepted.stream().noneMatch(MediaType.TEXT_HTML::equalsTypeAndSubtype);
    }
}
