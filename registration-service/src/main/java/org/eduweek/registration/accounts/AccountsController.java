package org.eduweek.registration.accounts;

import java.util.List;
import java.util.regex.Pattern;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import org.eduweek.platform.web.ApiException;

/**
 * Organizers find accounts; admins grant and remove ORGANIZER on them. The identity provider keeps the roles: a
 * change shows in the account's tokens from its next sign-in (its current session keeps the roles it signed in with
 * until its tokens are refreshed after they expire).
 */
@RestController
@RequestMapping("/api/accounts")
@Tag(name = "Accounts", description = "The identity provider's accounts: search, and the ORGANIZER role")
public class AccountsController {

    static final int MAX_RESULTS = 20;
    /** Keycloak's ids are UUIDs; anything else cannot be an account and never reaches its API. */
    private static final Pattern SUBJECT = Pattern.compile("[A-Za-z0-9-]{1,64}");

    private final AccountDirectory directory;

    public AccountsController(AccountDirectory directory) {
        this.directory = directory;
    }

    @GetMapping
    @PreAuthorize("hasAnyRole('ORGANIZER','ADMIN')")
    @Operation(summary = "Accounts whose email or name contains every word of q (organizers), at most 20",
            description = "Blank q lists the first 20 accounts. `organizer` says whether the account itself holds "
                    + "the ORGANIZER realm role. 503 identity-admin-unavailable when the identity provider's admin "
                    + "API is not configured or does not answer in time.")
    @ApiResponse(responseCode = "503", description = "Identity provider's admin API not configured or unreachable")
    public List<Account> search(@RequestParam(defaultValue = "") String q) {
        if (q.length() > 100) {
            throw ApiException.badField("q", "must be at most 100 characters");
        }
        return directory.search(q, MAX_RESULTS);
    }

    @PutMapping("/{subject}/roles/{role}")
    @PreAuthorize("hasRole('ADMIN')")
    @Operation(summary = "Grant ORGANIZER to an account (admins; idempotent)",
            description = "Only ORGANIZER can be granted here (any other role: 400). The account's next sign-in "
                    + "carries the role in its token's `roles`. Unknown account 404.")
    public Account grant(@PathVariable String subject, @PathVariable String role) {
        checkRole(role);
        return directory.setOrganizer(checkSubject(subject), true);
    }

    @DeleteMapping("/{subject}/roles/{role}")
    @PreAuthorize("hasRole('ADMIN')")
    @Operation(summary = "Remove ORGANIZER from an account (admins; idempotent)",
            description = "Answers the account as it now is (200). Its tokens lose the role at its next sign-in.")
    public Account remove(@PathVariable String subject, @PathVariable String role) {
        checkRole(role);
        return directory.setOrganizer(checkSubject(subject), false);
    }

    private static void checkRole(String role) {
        if (!AccountDirectory.ORGANIZER.equals(role)) {
            throw ApiException.badField("role", "only ORGANIZER can be granted or removed here");
        }
    }

    private static String checkSubject(String subject) {
        if (!SUBJECT.matcher(subject).matches()) {
            throw new AccountNotFoundException(subject.length() > 64 ? subject.substring(0, 64) : subject);
        }
        return subject;
    }
}
