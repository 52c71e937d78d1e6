package org.eduweek.registration.accounts;

import java.util.List;
import java.util.Optional;

/** The directory of a run without the identity provider's admin API: every call is "unavailable" (503). */
final class UnconfiguredAccountDirectory implements AccountDirectory, AutoCloseable {

    private static IdentityAdminUnavailableException unavailable() {
        return new IdentityAdminUnavailableException("IDENTITY_ADMIN_URL is not set", null);
    }

    @Override
    public List<Account> search(String query, int max) {
        throw unavailable();
    }

    @Override
    public Optional<Account> findByEmail(String email) {
        throw unavailable();
    }

    @Override
    public Account setOrganizer(String subject, boolean organizer) {
        throw unavailable();
    }

    @Override
    public Invitation invite(String email, String name, String language) {
        throw unavailable();
    }

    @Override
    public void close() {
    }
}
