package org.eduweek.platform.security;

import java.util.List;
import java.util.Set;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;

/**
 * The caller as the token describes them (claims fixed in docs/CONTRACTS.md). {@code locale} is {@code en} or
 * {@code zh}: a provider that writes a full language tag (Keycloak's {@code zh-Hans}, {@code en-GB}) is read by its
 * language.
 */
public record CurrentUser(String id, String name, String email, String phoneNumber, String locale, Set<String> roles) {

    public static final String PARTICIPANT = "PARTICIPANT";
    public static final String ORGANIZER = "ORGANIZER";
    public static final String ADMIN = "ADMIN";

    public static CurrentUser from(Jwt jwt) {
        List<String> roles = jwt.getClaimAsStringList("roles");
        return new CurrentUser(jwt.getSubject(), jwt.getClaimAsString("name"), jwt.getClaimAsString("email"),
                jwt.getClaimAsString("phone_number"), language(jwt.getClaimAsString("locale")),
                roles == null ? Set.of() : Set.copyOf(roles));
    }

    /** The authenticated caller of the current request, or empty for an anonymous one. */
    public static java.util.Optional<CurrentUser> current() {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        if (auth instanceof JwtAuthenticationToken token) {
            return java.util.Optional.of(from(token.getToken()));
        }
        return java.util.Optional.empty();
    }

    static String language(String locale) {
        if (locale == null || locale.isBlank()) {
            return null;
        }
        String tag = locale.trim().toLowerCase(java.util.Locale.ROOT);
        return tag.startsWith("zh") ? "zh" : tag.startsWith("en") ? "en" : locale.trim();
    }

    public boolean hasRole(String role) {
        return roles.contains(role);
    }

    /** Organizers and admins may act on anyone's data; participants only on their own. */
    public boolean isStaff() {
        return hasRole(ORGANIZER) || hasRole(ADMIN);
    }
}
