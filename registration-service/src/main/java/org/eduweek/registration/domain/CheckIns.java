package org.eduweek.registration.domain;

import java.time.Clock;
import java.util.List;
import java.util.Optional;

import org.springframework.stereotype.Service;

import org.eduweek.registration.domain.RegistrationRuleException.Kind;
import org.eduweek.registration.domain.RegistrationRuleException.Violation;
import org.eduweek.registration.events.ParticipantCheckedIn;
import org.eduweek.registration.store.Registrations;

/**
 * Organizer check-in by QR scan, or by picking the person from the session's roster at the door (someone without
 * their phone). The first check-in applies {@link Registration#checkIn}, stored by compare-and-set (only if still
 * unset and still CONFIRMED) with ParticipantCheckedIn in the same write; any later one changes nothing and says so,
 * so a scan sent twice (a door device replaying its offline queue) checks in once.
 */
@Service
public class CheckIns {

    private final Registrations registrations;
    private final QrTokens tokens;
    private final Clock clock;

    public CheckIns(Registrations registrations, QrTokens tokens, Clock clock) {
        this.registrations = registrations;
        this.tokens = tokens;
        this.clock = clock;
    }

    public record Result(Registration registration, boolean alreadyCheckedIn) {
    }

    public Result checkIn(String sessionId, String token, String organizerId) {
        QrTokens.Claims claims = tokens.verify(token);
        if (claims == null) {
            throw new RegistrationRuleException(Kind.INVALID_QR_TOKEN,
                    "The QR code is not a valid eduweek check-in code",
                    List.of(new Violation("token", "signature or format is invalid")));
        }
        Registration r = registrations.find(claims.registrationId())
                .orElseThrow(() -> new NotFoundException("Registration", claims.registrationId()));
        if (!r.sessionId().equals(sessionId) || !claims.sessionId().equals(sessionId)) {
            throw new RegistrationRuleException(Kind.OTHER_SESSION,
                    "This QR code is for another session (" + r.sessionId() + ")",
                    List.of(new Violation("token", "belongs to session " + r.sessionId())));
        }
        return checkIn(r, "token", organizerId);
    }

    /** Manual check-in from the roster: the registration must belong to this session (else 404, like an unknown id). */
    public Result checkInRegistration(String sessionId, String registrationId, String organizerId) {
        Registration r = registrations.find(registrationId).filter(found -> found.sessionId().equals(sessionId))
                .orElseThrow(() -> new NotFoundException("Registration", registrationId));
        return checkIn(r, "registrationId", organizerId);
    }

    private Result checkIn(Registration r, String field, String organizerId) {
        if (r.isConfirmed() && r.isCheckedIn()) {
            return new Result(r, true);
        }
        Registration.Transition<ParticipantCheckedIn> checkIn;
        try {
            checkIn = r.checkIn(organizerId, clock.instant());
        } catch (RegistrationRuleException e) {
            throw e.blaming(field, "registration is " + r.status());
        }
        Optional<Registration> done = registrations.checkIn(checkIn);
        if (done.isPresent()) {
            return new Result(done.get(), false);
        }
        Registration after = registrations.find(r.id()).orElse(r);
        if (after.isCheckedIn()) {
            return new Result(after, true);
        }
        throw new RegistrationRuleException(Kind.NOT_CONFIRMED,
                "Registration is " + after.status() + ", not confirmed: no check-in");
    }
}
