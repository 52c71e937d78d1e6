package org.eduweek.gateway.security.signin;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.eduweek.platform.tokens.TokenRules;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcReactiveOAuth2UserService;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserRequest;
import org.springframework.security.oauth2.client.userinfo.ReactiveOAuth2UserService;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.oidc.OidcUserInfo;
import org.springframework.security.oauth2.core.oidc.StandardClaimNames;
import org.springframework.security.oauth2.core.oidc.user.DefaultOidcUser;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtException;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;

import reactor.core.publisher.Mono;

/**
 * The signed-in user as the services will see them: the access token the gateway relays is checked exactly like a
 * bearer token (trusted issuer, signature, audience {@code eduweek}, lifetime), and its contract claims ({@code roles},
 * {@code name}, {@code email}, {@code locale}, {@code phone_number}) complete the ID token's. Roles become the
 * session's {@code ROLE_*} authorities, which the edge rules check; they are read at sign-in. A provider whose access
 * tokens the services would refuse fails the sign-in instead of producing a session no call can use. No userinfo
 * call is made: the ID token and the access token carry what the portal needs.
 */
final class PortalUserService implements ReactiveOAuth2UserService<OidcUserRequest, OidcUser> {

    private static final List<String> CONTRACT_CLAIMS = List.of(StandardClaimNames.NAME, StandardClaimNames.EMAIL,
            StandardClaimNames.LOCALE, StandardClaimNames.PHONE_NUMBER, StandardClaimNames.PREFERRED_USERNAME);

    private final OidcReactiveOAuth2UserService oidc = new OidcReactiveOAuth2UserService();
    private final ReactiveJwtDecoder accessTokens;

    PortalUserService(ReactiveJwtDecoder accessTokens) {
        this.accessTokens = accessTokens;
        this.oidc.setRetrieveUserInfo(request -> false);
    }

    @Override
    public Mono<OidcUser> loadUser(OidcUserRequest request) {
        return oidc.loadUser(request).flatMap(user -> accessTokens
                .decode(request.getAccessToken().getTokenValue())
                .onErrorMap(JwtException.class, e -> new OAuth2AuthenticationException(new OAuth2Error(
                        "invalid_token", "The provider's access token is not acceptable: " + e.getMessage(), null), e))
                .map(access -> user(user, access)));
    }

    static OidcUser user(OidcUser user, Jwt access) {
        if (!access.getSubject().equals(user.getSubject())) {
            throw new OAuth2AuthenticationException(new OAuth2Error("invalid_token",
                    "The access token and the ID token name different users", null));
        }
        Map<String, Object> claims = new LinkedHashMap<>();
        if (user.getUserInfo() != null) {
            claims.putAll(user.getUserInfo().getClaims());
        }
        claims.put(StandardClaimNames.SUB, user.getSubject());
        for (String name : CONTRACT_CLAIMS) {
            Object value = access.getClaims().get(name);
            if (value != null) {
                claims.put(name, value);
            }
        }
        Object roles = access.getClaims().get(TokenRules.ROLES_CLAIM);
        if (roles != null) {
            claims.put(TokenRules.ROLES_CLAIM, roles);
        }
        return new DefaultOidcUser(TokenRules.authorities(access), user.getIdToken(), new OidcUserInfo(claims),
                StandardClaimNames.SUB);
    }
}
