package org.eduweek.platform.tokens;

import java.util.ArrayList;
import java.util.List;

/**
 * Which issuers a component trusts (docs/CONTRACTS.md, "Identity"). The configured issuer ({@code JWT_ISSUER}, keys
 * at {@code JWT_JWK_SET_URI}) always. In the {@code local} profile also the sign-in provider
 * ({@code OIDC_ISSUER_URI}, the embedded Keycloak), so that the people who sign in and the scripts, tests and
 * benchmarks that mint tokens at the stack's dev provider are both served. Outside {@code local} the sign-in
 * provider is not trusted on top: production names exactly one issuer in {@code JWT_ISSUER} (Keycloak's or the
 * university SSO's, normally the same one the gateway signs people in with), and a dev issuer is never trusted
 * there just because a second variable was set.
 */
public final class TrustedIssuers {

    private TrustedIssuers() {
    }

    public static List<TrustedIssuer> resolve(String issuer, String jwkSetUri, String oidcIssuerUri,
            boolean localProfile) {
        List<TrustedIssuer> trusted = new ArrayList<>();
        trusted.add(new TrustedIssuer(issuer, jwkSetUri));
        if (localProfile && oidcIssuerUri != null && !oidcIssuerUri.isBlank()
                && !sameIssuer(issuer, oidcIssuerUri)) {
            trusted.add(TrustedIssuer.discovered(oidcIssuerUri));
        }
        return List.copyOf(trusted);
    }

    private static boolean sameIssuer(String a, String b) {
        return a.trim().equals(b.trim());
    }
}
