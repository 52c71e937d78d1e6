package org.eduweek.gateway.security.signin;

import java.net.URI;
import java.time.Duration;

import org.eduweek.gateway.config.OidcProperties;
import org.eduweek.gateway.web.Problems;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.ReactiveAuthenticationManager;
import org.springframework.security.config.web.server.SecurityWebFiltersOrder;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.oauth2.client.ReactiveOAuth2AuthorizedClientManager;
import org.springframework.security.oauth2.client.endpoint.WebClientReactiveAuthorizationCodeTokenResponseClient;
import org.springframework.security.oauth2.client.oidc.authentication.OidcAuthorizationCodeReactiveAuthenticationManager;
import org.springframework.security.oauth2.client.registration.ReactiveClientRegistrationRepository;
import org.springframework.security.oauth2.client.web.server.ServerOAuth2AuthorizedClientRepository;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import org.springframework.security.web.server.authentication.logout.WebSessionServerLogoutHandler;
import org.springframework.security.web.server.authorization.ServerAccessDeniedHandler;
import org.springframework.security.web.server.csrf.ServerCsrfTokenRequestAttributeHandler;
import org.springframework.security.web.server.util.matcher.ServerWebExchangeMatchers;

/**
 * The gateway as the portal's OAuth2 client ("backend for frontend"), applied to the one security chain when
 * {@code OIDC_ISSUER_URI} is set ({@link PortalSignInConfiguration}):
 * <ul>
 * <li>{@code GET /oauth2/authorization/keycloak} starts the authorization code flow with PKCE
 * ({@link SignInRequestResolver}); {@code /login/oauth2/code/keycloak} completes it, keeps the tokens in the
 * WebSession and sends the browser back to the portal;</li>
 * <li>the browser only ever holds the session cookie (HttpOnly, SameSite=Lax, Secure over https); calls it makes
 * with it are relayed with the access token ({@link SessionTokenRelay});</li>
 * <li>state-changing calls made with the session need the CSRF token ({@link SessionCsrf});</li>
 * <li>{@code POST /auth/logout} ends the session and the provider's ({@link PortalLogout}).</li>
 * </ul>
 * Bearer callers are untouched: their token authenticates them, no session is read or created, no CSRF token is
 * asked for. API calls without any credential keep getting 401 problem bodies, never a redirect to a login page.
 */
public final class PortalSignIn {

    static final String LOGOUT_PATH = "/auth/logout";

    private final OidcProperties props;
    private final ReactiveClientRegistrationRepository registrations;
    private final ServerOAuth2AuthorizedClientRepository authorizedClients;
    private final ReactiveOAuth2AuthorizedClientManager clients;
    private final ReactiveJwtDecoder accessTokens;
    private final String sessionCookie;
    private final Duration sessionTimeout;

    PortalSignIn(OidcProperties props, ReactiveClientRegistrationRepository registrations,
            ServerOAuth2AuthorizedClientRepository authorizedClients, ReactiveOAuth2AuthorizedClientManager clients,
            ReactiveJwtDecoder accessTokens, String sessionCookie, Duration sessionTimeout) {
        this.props = props;
        this.registrations = registrations;
        this.authorizedClients = authorizedClients;
        this.clients = clients;
        this.accessTokens = accessTokens;
        this.sessionCookie = sessionCookie;
        this.sessionTimeout = sessionTimeout;
    }

    /** Sign-in, session, CSRF and sign-out on the gateway's chain. */
    public ServerHttpSecurity configure(ServerHttpSecurity http) {
        return http
                .securityContextRepository(new SessionSecurityContextRepository(sessionCookie))
                .csrf(csrf -> csrf
                        .csrfTokenRepository(SessionCsrf.tokenRepository())
                        // the portal sends the cookie's value as it is (no BREACH masking: it is never in a page)
                        .csrfTokenRequestHandler(new ServerCsrfTokenRequestAttributeHandler())
                        .requireCsrfProtectionMatcher(SessionCsrf.protectedRequests(sessionCookie))
                        .accessDeniedHandler(csrfRefused()))
                .addFilterAfter(SessionCsrf.cookieWriter(sessionCookie), SecurityWebFiltersOrder.CSRF)
                .addFilterBefore(new SignInLimit(props.signInsPerMinute()), SecurityWebFiltersOrder.HTTP_BASIC)
                .oauth2Login(login -> login
                        .clientRegistrationRepository(registrations)
                        .authorizedClientRepository(authorizedClients)
                        .authorizationRequestResolver(new SignInRequestResolver(registrations))
                        .authenticationManager(authenticationManager())
                        .authenticationSuccessHandler(SignInRedirects.toReturnPath(sessionTimeout))
                        .authenticationFailureHandler(SignInRedirects.toPortalWithError()))
                .logout(logout -> logout
                        .requiresLogout(ServerWebExchangeMatchers.pathMatchers(HttpMethod.POST, LOGOUT_PATH))
                        .logoutHandler(handlers -> handlers.add(new WebSessionServerLogoutHandler()))
                        .logoutSuccessHandler(new PortalLogout(registrations)));
    }

    private ReactiveAuthenticationManager authenticationManager() {
        return new OidcAuthorizationCodeReactiveAuthenticationManager(
                new WebClientReactiveAuthorizationCodeTokenResponseClient(), new PortalUserService(accessTokens));
    }

    private static ServerAccessDeniedHandler csrfRefused() {
        return (exchange, denied) -> Problems.write(exchange, HttpStatus.FORBIDDEN, "csrf-token-invalid",
                "Forbidden", "A state-changing call made with the session cookie needs the " + SessionCsrf.HEADER
                        + " header carrying the " + SessionCsrf.COOKIE + " cookie's value.");
    }

    ReactiveOAuth2AuthorizedClientManager clients() {
        return clients;
    }

    String sessionCookie() {
        return sessionCookie;
    }

    /** The provider's origin: the sign-out form's redirect goes there ({@code form-action} of the CSP). */
    public String providerOrigin() {
        URI issuer = URI.create(props.issuerUri());
        return issuer.getScheme() + "://" + issuer.getRawAuthority();
    }

    static String signInPath() {
        return "/oauth2/authorization/" + OidcProperties.REGISTRATION_ID;
    }
}
