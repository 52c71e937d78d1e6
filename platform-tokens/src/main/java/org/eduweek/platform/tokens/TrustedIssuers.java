package org.eduweek.platform.tokens;

import java.util.ArrayList;
import java.util.List;

/**
 * Which issuers a component trusts (docs/CONTRACTS.md, "Identity"): the one rule for the gateway and every service.
 * <ul>
 * <li>In the {@code local} profile: the configured issuer ({@code JWT_ISSUER}, keys at {@code JWT_JWK_SET_URI}),
 * by default the embedded stack's dev provider ({@value #DEV_ISSUER}), and besides it the sign-in provider
 * ({@code OIDC_ISSUER_URI}, the embedded Keycloak) when set, so the people who sign in and the scripts, tests and
 * benchmarks that mint dev tokens are both served.</li>
 * <li>Elsewhere: exactly one issuer, the configured one: {@code JWT_ISSUER}, or, when that is not set,
 * {@code OIDC_ISSUER_URI} (the provider the gateway signs people in with). No default: with neither set the
 * component refuses to start ({@link IssuerNotConfiguredException}), so a token of the dev provider is never trusted
 * because a variable was forgotten, and a sign-in provider is not trusted on top of {@code JWT_ISSUER}.</li>
 * </ul>
 * {@code JWT_JWK_SET_URI} names the keys of {@code JWT_ISSUER}; an issuer without it, and the sign-in provider
 * always, has its keys found by OpenID Connect discovery.
 */
public final class TrustedIssuers {

    /** The embedded stack's dev identity provider, trusted by default in the {@code local} profile only. */
    public static final String DEV_ISSUER = "http://127.0.0.1:8090";
    public static final String DEV_JWK_SET_URI = DEV_ISSUER + "/.well-known/jwks.json";

    private TrustedIssuers() {
    }

    /**
     * @param issuer        {@code JWT_ISSUER}, may be blank
     * @param jwkSetUri     {@code JWT_JWK_SET_URI}, may be blank
     * @param oidcIssuerUri {@code OIDC_ISSUER_URI}, may be blank
     * @throws IssuerNotConfiguredException outside {@code local} when neither issuer is set
     */
    public static List<TrustedIssuer> resolve(String issuer, String jwkSetUri, String oidcIssuerUri,
            boolean localProfile) {
        String configured = text(issuer);
        String keys = text(jwkSetUri);
        String signIn = text(oidcIssuerUri);
        List<TrustedIssuer> trusted = new ArrayList<>();
        if (localProfile) {
            if (configured == null) {
                trusted.add(new TrustedIssuer(DEV_ISSUER, keys != null ? keys : DEV_JWK_SET_URI));
            } else {
                trusted.add(new TrustedIssuer(configured, keys));
            }
            if (signIn != null && !signIn.equals(trusted.get(0).issuer())) {
                trusted.add(TrustedIssuer.discovered(signIn));
            }
        } else if (configured != null) {
            trusted.add(new TrustedIssuer(configured, keys));
        } else if (signIn != null) {
            // JWT_JWK_SET_URI belongs to JWT_ISSUER: the sign-in provider's keys come from its discovery document
            trusted.add(TrustedIssuer.discovered(signIn));
        } else {
            throw new IssuerNotConfiguredException();
        }
        return List.copyOf(trusted);
    }

    private static String text(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }

    /** Outside the {@code local} profile no issuer is configured: which variable to set, in one line. */
    public static final class IssuerNotConfiguredException extends IllegalStateException {

        public static final String VARIABLE = "JWT_ISSUER";

        public IssuerNotConfiguredException() {
            super(VARIABLE + " is not set: outside the local profile no token issuer is trusted by default; set "
                    + VARIABLE + " to your identity provider's issuer (e.g. https://sso.example.edu/realms/eduweek) "
                    + "and JWT_JWK_SET_URI to its keys, or OIDC_ISSUER_URI to the provider people sign in with");
        }
    }
}
