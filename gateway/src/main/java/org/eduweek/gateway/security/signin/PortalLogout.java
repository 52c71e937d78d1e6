package org.eduweek.gateway.security.signin;

import java.net.URI;

import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.client.authentication.OAuth2AuthenticationToken;
import org.springframework.security.oauth2.client.oidc.web.server.logout.OidcClientInitiatedServerLogoutSuccessHandler;
import org.springframework.security.oauth2.client.registration.ReactiveClientRegistrationRepository;
import org.springframework.security.web.server.ServerRedirectStrategy;
import org.springframework.security.web.server.WebFilterExchange;
import org.springframework.security.web.server.authentication.logout.ServerLogoutSuccessHandler;
import org.springframework.web.server.ResponseStatusException;

import reactor.core.publisher.Mono;

/**
 * After {@code POST /auth/logout} has ended the gateway's session: RP-initiated logout at the provider (its
 * {@code end_session_endpoint} with {@code id_token_hint} and {@code post_logout_redirect_uri} = the portal's home),
 * so the provider's single sign-on session ends too. Without a signed-in user, or while the provider cannot be
 * reached, straight back to the portal's home.
 */
final class PortalLogout implements ServerLogoutSuccessHandler {

    private static final URI HOME = URI.create("/");

    private final OidcClientInitiatedServerLogoutSuccessHandler oidc;
    private final ServerRedirectStrategy redirect;

    PortalLogout(ReactiveClientRegistrationRepository registrations) {
        this.redirect = SignInRedirects.redirectOrJson();
        this.oidc = new OidcClientInitiatedServerLogoutSuccessHandler(registrations);
        this.oidc.setPostLogoutRedirectUri("{baseUrl}/");
        this.oidc.setLogoutSuccessUrl(HOME);
        this.oidc.setRedirectStrategy(redirect);
    }

    @Override
    public Mono<Void> onLogoutSuccess(WebFilterExchange exchange, Authentication authentication) {
        if (!(authentication instanceof OAuth2AuthenticationToken)) {
            return redirect.sendRedirect(exchange.getExchange(), HOME);
        }
        return oidc.onLogoutSuccess(exchange, authentication).onErrorResume(ResponseStatusException.class,
                e -> redirect.sendRedirect(exchange.getExchange(), HOME));
    }
}
