package org.eduweek.registration.accounts;

/**
 * An account of the identity provider as organizers see it: its subject (the {@code sub} of its tokens, the
 * participant id everywhere else), contact, and whether it holds the ORGANIZER realm role itself.
 */
public record Account(String subject, String email, String name, boolean organizer) {
}
