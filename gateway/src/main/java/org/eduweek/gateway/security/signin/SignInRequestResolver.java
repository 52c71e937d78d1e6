package org.eduweek.gateway.security.signin;

import java.time.Duration;
import java.util.Map;

import org.springframework.security.oauth2.client.registration.ReactiveClientRegistrationRepository;
import org.springframework.security.oauth2.client.web.OAuth2AuthorizationRequestCustomizers;
import org.springframework.security.oauth2.client.web.server.DefaultServerOAuth2AuthorizationRequestResolver;
import org.springframework.security.oauth2.client.web.server.ServerOAuth2AuthorizationRequestResolver;
import org.springframework.security.oauth2.core.endpoint.OAuth2AuthorizationRequest;
import org.springframework.util.MultiValueMap;
import org.springframework.web.server.ServerWebExchange;

import reactor.core.publisher.Mono;

/**
 * Builds the redirect to the provider for {@code GET /oauth2/authorization/keycloak}: Spring's resolver (state, nonce,
 * the registration's scopes and redirect URI) with PKCE ({@code S256}) even though the client is confidential, plus
 * what the portal asks for in the query:
 * <ul>
 * <li>{@code lang=en|zh} → {@code ui_locales} ({@code en}, {@code zh-CN}), so the provider's pages show in the portal's
 * language;</li>
 * <li>{@code prompt=create} → the provider opens its registration form instead of the sign-in form (OpenID Connect
 * "Initiating User Registration", which Keycloak supports);</li>
 * <li>{@code return=/a/portal/path} → where the browser lands after signing in (a path on this site only).</li>
 * </ul>
 */
final class SignInRequestResolver implements ServerOAuth2AuthorizationRequestResolver {

    /** WebSession attribute: the portal path to return to once signed in. */
    static final String RETURN_ATTRIBUTE = SignInRequestResolver.class.getName() + ".return";
    /**
     * How long a session that only waits for the browser to come back from the provider is kept (sign-up with email
     * verification included); a completed sign-in gets the full session timeout again.
     */
    static final Duration PENDING = Duration.ofMinutes(10);
    private static final Map<String, String> UI_LOCALES = Map.of("en", "en", "zh", "zh-CN", "zh-cn", "zh-CN",
            "zh-hans", "zh-CN");

    private final DefaultServerOAuth2AuthorizationRequestResolver delegate;

    SignInRequestResolver(ReactiveClientRegistrationRepository registrations) {
        this.delegate = new DefaultServerOAuth2AuthorizationRequestResolver(registrations);
        this.delegate.setAuthorizationRequestCustomizer(OAuth2AuthorizationRequestCustomizers.withPkce());
    }

    @Override
    public Mono<OAuth2AuthorizationRequest> resolve(ServerWebExchange exchange) {
        return delegate.resolve(exchange).flatMap(request -> customize(exchange, request));
    }

    @Override
    public Mono<OAuth2AuthorizationRequest> resolve(ServerWebExchange exchange, String clientRegistrationId) {
        return delegate.resolve(exchange, clientRegistrationId).flatMap(request -> customize(exchange, request));
    }

    private static Mono<OAuth2AuthorizationRequest> customize(ServerWebExchange exchange,
            OAuth2AuthorizationRequest request) {
        MultiValueMap<String, String> query = exchange.getRequest().getQueryParams();
        String lang = query.getFirst("lang");
        String uiLocales = lang == null ? null : UI_LOCALES.get(lang.toLowerCase(java.util.Locale.ROOT));
        boolean create = "create".equals(query.getFirst("prompt"));
        OAuth2AuthorizationRequest customized = uiLocales == null && !create ? request
                : OAuth2AuthorizationRequest.from(request).additionalParameters(p -> {
                    if (uiLocales != null) {
                        p.put("ui_locales", uiLocales);
                    }
                    if (create) {
                        p.put("prompt", "create");
                    }
                }).build();
        String back = safeReturnPath(query.getFirst("return"));
        return exchange.getSession().doOnNext(session -> {
            session.setMaxIdleTime(PENDING);
            if (back != null) {
                session.getAttributes().put(RETURN_ATTRIBUTE, back);
            } else {
                session.getAttributes().remove(RETURN_ATTRIBUTE);
            }
        }).thenReturn(customized);
    }

    /** A path on this site ({@code /...}), never another origin ({@code //host}, {@code /\host}) or a scheme. */
    static String safeReturnPath(String path) {
        if (path == null || path.length() > 512 || !path.startsWith("/") || path.startsWith("//")
                || path.contains("\\") || path.chars().anyMatch(c -> c < 0x21 || c == 0x7f)) {
            return null;
        }
        return path;
    }
}
