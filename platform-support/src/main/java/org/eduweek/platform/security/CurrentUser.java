package org.eduweek.platform.security;

import java.util.List;
import java.util.Set;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;

/** The caller as the token describes them (claims fixed in docs/CONTRACTS.md). */
public record CurrentUser(String id, String name, String email, String phoneNumber, String locale, Set<String> roles) {

    public static final String PARTICIPANT = "PARTICIPANT";
    public static final String ORGANIZER = "ORGANIZER";
    public static final String ADMIN = "ADMIN";

    public static CurrentUser from(Jwt jwt) {
        List<String> roles = jwt.getClaimAsStringList("roles");
        return new CurrentUser(jwt.getSubject(), jwt.getClaimAsString("name"), jwt.getClaimAsString("email"),
                jwt.getClaimAsString("phone_number"), jwt.getClaimAsString("locale"),
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

    public boolean hasRole(String role) {
        return roles.contains(role);
    }

    /** Organizers and admins may act on anyone's data; participants only on their own. */
    public boolean isStaff() {
        return hasRole(ORGANIZER) || hasRole(ADMIN);
    }
}
