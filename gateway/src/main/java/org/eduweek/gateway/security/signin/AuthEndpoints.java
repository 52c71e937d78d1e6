package org.eduweek.gateway.security.signin;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.oauth2.client.OAuth2AuthorizeRequest;
import org.springframework.security.oauth2.client.authentication.OAuth2AuthenticationToken;
import org.springframework.security.oauth2.core.OAuth2AuthorizationException;
import org.springframework.security.oauth2.core.oidc.StandardClaimNames;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebSession;
import org.springframework.web.util.UriComponentsBuilder;

import reactor.core.publisher.Mono;

/**
 * {@code GET /auth/me}: who the portal's user is, without handing the page any token.
 * <ul>
 * <li>signed in with the session: {@code {"signedIn":true,"sub","name","email","locale","roles":[…],"signOutUrl"}}
 * — the session's tokens are checked (and refreshed) first, so an ended sign-in answers as signed out;</li>
 * <li>a bearer caller: the same fields from its token (no {@code signOutUrl});</li>
 * <li>otherwise {@code {"signedIn":false,"signInUrl","signUpUrl"}}: the paths that start the provider's sign-in and
 * registration pages ({@code null} when no provider is configured). {@code lang} and {@code return} given here are
 * passed on in both.</li>
 * </ul>
 */
@RestController
public class AuthEndpoints {

    private final ObjectProvider<PortalSignIn> signIn;

    public AuthEndpoints(ObjectProvider<PortalSignIn> signIn) {
        this.signIn = signIn;
    }

    @GetMapping("/auth/me")
    Mono<Map<String, Object>> me(ServerWebExchange exchange, @RequestParam(required = false) String lang,
            @RequestParam(name = "return", required = false) String back) {
        PortalSignIn portal = signIn.getIfAvailable();
        return exchange.getPrincipal().cast(Authentication.class)
                .flatMap(auth -> {
                    if (auth instanceof JwtAuthenticationToken jwt) {
                        return Mono.just(signedIn(jwt.getTokenAttributes(), jwt.getAuthorities(), false));
                    }
                    if (auth instanceof OAuth2AuthenticationToken session && portal != null) {
                        return stillSignedIn(portal, session, exchange).map(ok -> ok
                                ? signedIn(session.getPrincipal().getAttributes(), session.getAuthorities(), true)
                                : signedOut(portal, lang, back));
                    }
                    return Mono.<Map<String, Object>>empty();
                })
                .switchIfEmpty(Mono.fromSupplier(() -> signedOut(portal, lang, back)));
    }

    /** The session's tokens, refreshed if needed; none left (refresh refused) ends the session. */
    private static Mono<Boolean> stillSignedIn(PortalSignIn portal, OAuth2AuthenticationToken session,
            ServerWebExchange exchange) {
        OAuth2AuthorizeRequest request = OAuth2AuthorizeRequest
                .withClientRegistrationId(session.getAuthorizedClientRegistrationId()).principal(session)
                .attribute(ServerWebExchange.class.getName(), exchange).build();
        return portal.clients().authorize(request).map(client -> true)
                .onErrorResume(OAuth2AuthorizationException.class, e -> Mono.empty())
                .switchIfEmpty(exchange.getSession().flatMap(WebSession::invalidate).thenReturn(false));
    }

    private static Map<String, Object> signedIn(Map<String, Object> claims,
            Collection<? extends GrantedAuthority> authorities, boolean session) {
        Map<String, Object> me = new LinkedHashMap<>();
        me.put("signedIn", true);
        me.put("sub", claims.get(StandardClaimNames.SUB));
        Object name = claims.get(StandardClaimNames.NAME);
        me.put("name", name != null ? name : claims.get(StandardClaimNames.PREFERRED_USERNAME));
        me.put("email", claims.get(StandardClaimNames.EMAIL));
        me.put("locale", locale(claims.get(StandardClaimNames.LOCALE)));
        List<String> roles = new ArrayList<>();
        for (GrantedAuthority authority : authorities) {
            String value = authority.getAuthority();
            if (value != null && value.startsWith("ROLE_")) {
                roles.add(value.substring(5));
            }
        }
        me.put("roles", roles);
        if (session) {
            me.put("signOutUrl", PortalSignIn.LOGOUT_PATH);
        }
        return me;
    }

    private static Map<String, Object> signedOut(PortalSignIn portal, String lang, String back) {
        Map<String, Object> me = new LinkedHashMap<>();
        me.put("signedIn", false);
        me.put("signInUrl", portal == null ? null : signInUrl(lang, back, false));
        me.put("signUpUrl", portal == null ? null : signInUrl(lang, back, true));
        return me;
    }

    private static String signInUrl(String lang, String back, boolean signUp) {
        UriComponentsBuilder url = UriComponentsBuilder.fromPath(PortalSignIn.signInPath());
        if (signUp) {
            url.queryParam("prompt", "create");
        }
        if (lang != null && lang.matches("[A-Za-z-]{2,10}")) {
            url.queryParam("lang", lang);
        }
        if (SignInRequestResolver.safeReturnPath(back) != null) {
            url.queryParam("return", back);
        }
        return url.encode().build().toUriString();
    }

    /** The contract's {@code en}|{@code zh}, whatever regional form the provider keeps ({@code zh-CN}, {@code zh_Hans}). */
    static String locale(Object claim) {
        if (!(claim instanceof String value) || value.isBlank()) {
            return null;
        }
        String language = Locale.forLanguageTag(value.replace('_', '-')).getLanguage();
        return language.isEmpty() ? value : language;
    }
}
