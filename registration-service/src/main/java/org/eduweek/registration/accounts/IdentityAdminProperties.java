package org.eduweek.registration.accounts;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How this service signs in to the identity provider's admin API: as a confidential client with a service account
 * (client credentials grant) holding only realm-management's view-users, query-users and manage-users.
 *
 * @param url the provider's base URL, e.g. {@code https://sso.example.edu} ({@code IDENTITY_ADMIN_URL}); blank =
 *        not configured, and the accounts and walk-in endpoints answer 503
 * @param realm the realm whose accounts are managed, which is also the realm the client lives in
 *        ({@code IDENTITY_ADMIN_REALM})
 * @param clientId the service-account client ({@code IDENTITY_ADMIN_CLIENT_ID})
 * @param clientSecret its secret ({@code IDENTITY_ADMIN_CLIENT_SECRET}; checked like every secret outside the local
 *        profile)
 * @param connectTimeout how long to wait for a connection
 * @param readTimeout how long to wait for an answer, so a slow provider fails the request with 503 instead of
 *        holding it
 * @param invitationLifespan how long the link in a walk-in's invitation mail is valid
 */
@ConfigurationProperties("eduweek.identity-admin")
public record IdentityAdminProperties(String url, String realm, String clientId, String clientSecret,
        Duration connectTimeout, Duration readTimeout, Duration invitationLifespan) {

    public IdentityAdminProperties {
        url = url == null ? "" : url.strip().replaceAll("/+$", "");
        realm = realm == null || realm.isBlank() ? "eduweek" : realm;
        clientId = clientId == null || clientId.isBlank() ? "eduweek-registration-admin" : clientId;
        clientSecret = clientSecret == null ? "" : clientSecret;
        connectTimeout = connectTimeout == null ? Duration.ofSeconds(2) : connectTimeout;
        readTimeout = readTimeout == null ? Duration.ofSeconds(5) : readTimeout;
        invitationLifespan = invitationLifespan == null ? Duration.ofDays(3) : invitationLifespan;
    }

    public boolean configured() {
        return !url.isBlank();
    }
}
