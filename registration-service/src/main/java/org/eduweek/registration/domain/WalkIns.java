package org.eduweek.registration.domain;

import java.util.Set;

import org.springframework.stereotype.Service;

import org.eduweek.platform.security.CurrentUser;
import org.eduweek.registration.accounts.Account;
import org.eduweek.registration.accounts.AccountDirectory;

/**
 * Someone at the door without a registration gets a free seat on the spot: the organizer types their name and
 * email, and this finds their account at the identity provider or creates it by invitation (they set their own
 * password from the mail), stores their profile if they have none, registers them for a free seat and checks them
 * in.
 * <p>
 * Each step is one of the service's usual atomic writes, and each finds what an earlier attempt left: the account
 * by its email, the profile by the subject, the registration by session and participant (the unique active key),
 * the check-in by its compare-and-set. So a retry after a crash anywhere in between completes the walk-in without
 * a second account, registration or check-in; a seat taken by a crashed attempt before its registration was stored
 * is given back by {@link SeatReconciler}. Whether a seat is free is looked at before anyone is invited, so a full
 * session refuses (409) before anything is written.
 */
@Service
public class WalkIns {

    private final AccountDirectory accounts;
    private final RegistrationService registrationService;
    private final CheckIns checkIns;
    private final Profiles profiles;

    public WalkIns(AccountDirectory accounts, RegistrationService registrationService, CheckIns checkIns,
            Profiles profiles) {
        this.accounts = accounts;
        this.registrationService = registrationService;
        this.checkIns = checkIns;
        this.profiles = profiles;
    }

    /** The walk-in checked in: their registration, the name the door shows, and whether an invitation went out. */
    public record Admitted(Registration registration, String participantName, boolean invited) {
    }

    public Admitted admit(String sessionId, String name, String email, String language, String organizerId) {
        registrationService.hasFreeSeat(sessionId);
        AccountDirectory.Invitation found = accounts.findByEmail(email)
                .map(a -> new AccountDirectory.Invitation(a, false))
                .orElseGet(() -> accounts.invite(email, name, language));
        CurrentUser person = person(found.account(), name, language);
        Registration registration = registrationService.registerAtDoor(person, sessionId).registration();
        CheckIns.Result checkedIn = checkIns.checkInRegistration(sessionId, registration.id(), organizerId);
        String shown = profiles.find(person.id()).map(Participant::name).orElse(person.name());
        return new Admitted(checkedIn.registration(), shown, found.invited());
    }

    /**
     * The person as a registration sees them. Someone with a profile is taken as their profile last saw their
     * token, so registering them rewrites nothing; someone without one gets a profile from their account (its name
     * and email at the provider, else what the door typed) in the language the door chose.
     */
    private CurrentUser person(Account account, String typedName, String language) {
        return profiles.find(account.subject())
                .map(p -> p.claims() == null
                        ? new CurrentUser(p.id(), p.name(), p.email(), p.phone(), p.language(), Set.of(CurrentUser.PARTICIPANT))
                        : new CurrentUser(p.id(), p.claims().name(), p.claims().email(), p.claims().phone(),
                                p.claims().locale(), Set.of(CurrentUser.PARTICIPANT)))
                .orElseGet(() -> new CurrentUser(account.subject(),
                        account.name() == null || account.name().isBlank() || account.name().equalsIgnoreCase(account.email())
                                ? typedName : account.name(),
                        account.email(), null, language, Set.of(CurrentUser.PARTICIPANT)));
    }
}
