package org.eduweek.registration.accounts;

import java.util.List;
import java.util.Optional;

/**
 * The identity provider's accounts, as far as this service may touch them: find, invite, and grant or remove the
 * ORGANIZER role. Roles stay with the identity provider; a change reaches the account's tokens at its next sign-in.
 * Every method throws {@link IdentityAdminUnavailableException} when the provider's admin API is not configured or
 * does not answer in time.
 */
public interface AccountDirectory {

    /** The one realm role this service may grant or remove. */
    String ORGANIZER = "ORGANIZER";

    /** Accounts whose email or name contains the words of {@code query}, at most {@code max}. */
    List<Account> search(String query, int max);

    /** The account with exactly this email (case-insensitive), if any. */
    Optional<Account> findByEmail(String email);

    /**
     * Grants ({@code organizer} true) or removes ORGANIZER; a no-op when the account already is as asked.
     *
     * @throws AccountNotFoundException no such account
     */
    Account setOrganizer(String subject, boolean organizer);

    /** An account the door made for a walk-in, and whether an invitation went out for it. */
    record Invitation(Account account, boolean invited) {
    }

    /**
     * Creates an enabled account with this email and name and sends it the provider's "set your password and verify
     * your email" mail in {@code language}; we never see a password. If the email already has an account (made
     * meanwhile by someone else) that one is answered, not invited again. A mail that cannot be sent removes the
     * account just made, so a retry starts afresh.
     */
    Invitation invite(String email, String name, String language);
}
