package org.eduweek.registration.accounts;

/**
 * The identity provider's admin API cannot be used: not configured for this run (no {@code IDENTITY_ADMIN_URL}),
 * or it did not answer (down, slow beyond the timeouts, or refusing our service account). Nothing was changed by
 * this service; answered as 503 {@code identity-admin-unavailable}.
 */
public class IdentityAdminUnavailableException extends RuntimeException {

    public IdentityAdminUnavailableException(String reason, Throwable cause) {
        super(reason, cause);
    }
}
