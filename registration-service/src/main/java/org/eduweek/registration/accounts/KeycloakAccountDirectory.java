package org.eduweek.registration.accounts;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;

import org.jboss.resteasy.client.jaxrs.internal.ResteasyClientBuilderImpl;
import org.keycloak.OAuth2Constants;
import org.keycloak.admin.client.CreatedResponseUtil;
import org.keycloak.admin.client.JacksonProvider;
import org.keycloak.admin.client.Keycloak;
import org.keycloak.admin.client.KeycloakBuilder;
import org.keycloak.admin.client.resource.RealmResource;
import org.keycloak.admin.client.resource.UserResource;
import org.keycloak.representations.idm.RoleRepresentation;
import org.keycloak.representations.idm.UserRepresentation;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The account directory over Keycloak's admin REST API ({@code keycloak-admin-client}), signed in with the client
 * credentials of a service account that holds only realm-management's view-users, query-users and manage-users.
 * The admin client fetches and refreshes that account's token itself. Every call is bounded by the connect and read
 * timeouts; a connection failure, a timeout, or a refusal of our own credentials (401/403, a misconfigured client)
 * becomes {@link IdentityAdminUnavailableException}, an unknown account {@link AccountNotFoundException}.
 */
final class KeycloakAccountDirectory implements AccountDirectory, AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(KeycloakAccountDirectory.class);
    /** What the walk-in's invitation asks of them: their own password, and proof the address is theirs. */
    static final List<String> INVITATION_ACTIONS = List.of("UPDATE_PASSWORD", "VERIFY_EMAIL");

    private final IdentityAdminProperties props;
    private final Keycloak keycloak;

    KeycloakAccountDirectory(IdentityAdminProperties props) {
        this.props = props;
        var client = new ResteasyClientBuilderImpl()
                .connectTimeout(props.connectTimeout().toMillis(), TimeUnit.MILLISECONDS)
                .readTimeout(props.readTimeout().toMillis(), TimeUnit.MILLISECONDS)
                .connectionCheckoutTimeout(props.connectTimeout().toMillis(), TimeUnit.MILLISECONDS)
                .connectionPoolSize(16)
                .register(JacksonProvider.class, 100)
                .build();
        this.keycloak = KeycloakBuilder.builder().serverUrl(props.url()).realm(props.realm())
                .grantType(OAuth2Constants.CLIENT_CREDENTIALS).clientId(props.clientId())
                .clientSecret(props.clientSecret()).resteasyClient(client).build();
    }

    private RealmResource realm() {
        return keycloak.realm(props.realm());
    }

    @Override
    public List<Account> search(String query, int max) {
        // Keycloak splits the search on spaces and wants every word in the username, email, first or last name;
        // *word* makes each an infix match instead of a prefix one
        String words = Arrays.stream(query.strip().split("\\s+")).filter(w -> !w.isEmpty())
                .map(w -> "*" + w.replace("*", "") + "*").collect(Collectors.joining(" "));
        return call("search accounts", () -> {
            List<UserRepresentation> found = realm().users().search(words, 0, max, true);
            List<Account> out = new ArrayList<>();
            for (UserRepresentation u : found) {
                if (u.getUsername() == null || !u.getUsername().startsWith("service-account-")) {
                    out.add(account(u));
                }
            }
            return out;
        });
    }

    @Override
    public Optional<Account> findByEmail(String email) {
        return call("find an account by email", () -> realm().users().searchByEmail(email, true).stream()
                .filter(u -> email.equalsIgnoreCase(u.getEmail())).findFirst().map(this::account));
    }

    @Override
    public Account setOrganizer(String subject, boolean organizer) {
        return call("change the ORGANIZER role", () -> {
            UserResource user = realm().users().get(subject);
            UserRepresentation rep;
            try {
                rep = user.toRepresentation();
            } catch (NotFoundException e) {
                throw new AccountNotFoundException(subject);
            }
            // the role's representation comes from the account's own mappings (held, or available to it): reading
            // the realm's roles needs view-realm, which this service account does not have
            var mappings = user.roles().realmLevel();
            Optional<RoleRepresentation> held = organizerIn(mappings.listAll());
            if (organizer && held.isEmpty()) {
                RoleRepresentation role = organizerIn(mappings.listAvailable()).orElseThrow(
                        () -> new IdentityAdminUnavailableException("The realm has no role " + ORGANIZER, null));
                mappings.add(List.of(role));
            } else if (!organizer && held.isPresent()) {
                mappings.remove(List.of(held.get()));
            }
            return new Account(rep.getId(), rep.getEmail(), name(rep), organizer);
        });
    }

    @Override
    public Invitation invite(String email, String name, String language) {
        return call("invite a walk-in", () -> {
            UserRepresentation rep = new UserRepresentation();
            rep.setUsername(email.toLowerCase(Locale.ROOT));
            rep.setEmail(email);
            rep.setEnabled(true);
            rep.setEmailVerified(false);
            String[] parts = splitName(name);
            rep.setFirstName(parts[0]);
            rep.setLastName(parts[1]);
            // Keycloak writes its mails (this invitation too) in the account's locale
            rep.setAttributes(Map.of("locale", List.of("zh".equals(language) ? "zh-Hans" : "en")));
            String id;
            try (Response created = realm().users().create(rep)) {
                if (created.getStatus() == 400) {
                    throw new RefusedAccountException("email", "is not an email address the identity provider accepts");
                }
                if (created.getStatus() == 409) {
                    // the same email signed up or was invited meanwhile: that account it is, not invited twice
                    return new Invitation(findByEmail(email).orElseThrow(() -> new IdentityAdminUnavailableException(
                            "Keycloak says the email exists but does not find it", null)), false);
                }
                id = CreatedResponseUtil.getCreatedId(created);
            }
            try {
                realm().users().get(id).executeActionsEmail(INVITATION_ACTIONS,
                        (int) props.invitationLifespan().toSeconds());
            } catch (RuntimeException e) {
                // no invitation, no account: otherwise a retry would find an account nobody can ever sign in to
                try (Response ignored = realm().users().delete(id)) {
                    log.warn("Invitation mail for a walk-in failed ({}); the account made for it was removed", e.toString());
                } catch (RuntimeException cleanup) {
                    log.error("Invitation mail for a walk-in failed and account {} could not be removed", id, cleanup);
                }
                throw e;
            }
            return new Invitation(new Account(id, email, name, false), true);
        });
    }

    private static Optional<RoleRepresentation> organizerIn(List<RoleRepresentation> roles) {
        return roles.stream().filter(r -> ORGANIZER.equals(r.getName())).findFirst();
    }

    private boolean holdsOrganizer(String subject) {
        return realm().users().get(subject).roles().realmLevel().listAll().stream()
                .anyMatch(r -> ORGANIZER.equals(r.getName()));
    }

    private Account account(UserRepresentation u) {
        return new Account(u.getId(), u.getEmail(), name(u), holdsOrganizer(u.getId()));
    }

    static String name(UserRepresentation u) {
        String name = ((u.getFirstName() == null ? "" : u.getFirstName()) + " "
                + (u.getLastName() == null ? "" : u.getLastName())).strip();
        return name.isEmpty() ? u.getUsername() : name;
    }

    /**
     * First and last name as Keycloak keeps them: the last word is the last name ("Ada King Lovelace" → "Ada King",
     * "Lovelace"); a name of one word (many Chinese names are written without a space) stays whole in the first
     * name, and the person may complete it on Keycloak's pages.
     */
    static String[] splitName(String name) {
        String n = name.strip();
        int space = n.lastIndexOf(' ');
        return space < 0 ? new String[] {n, null} : new String[] {n.substring(0, space).strip(), n.substring(space + 1)};
    }

    private interface AdminCall<T> {
        T run();
    }

    private <T> T call(String what, AdminCall<T> call) {
        try {
            return call.run();
        } catch (AccountNotFoundException | RefusedAccountException e) {
            throw e;
        } catch (ProcessingException e) {
            throw new IdentityAdminUnavailableException("Keycloak did not answer to " + what + ": " + e.getMessage(), e);
        } catch (WebApplicationException e) {
            throw new IdentityAdminUnavailableException("Keycloak refused to " + what + ": HTTP "
                    + e.getResponse().getStatus(), e);
        }
    }

    @Override
    public void close() {
        keycloak.close();
    }
}
