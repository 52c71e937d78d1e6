package org.eduweek.registration.domain;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Service;

import org.eduweek.platform.outbox.OutboxMessage;
import org.eduweek.platform.outbox.OutboxRelay;
import org.eduweek.registration.domain.RegistrationRuleException.Kind;
import org.eduweek.registration.domain.RegistrationRuleException.Violation;

import static org.springframework.data.mongodb.core.query.Criteria.where;

/**
 * Organizer check-in by QR scan. The first scan sets {@code checkedInAt} by compare-and-set (only if still unset and
 * still CONFIRMED) with ParticipantCheckedIn in the same write; a second scan changes nothing and says so.
 */
@Service
public class CheckIns {

    private final Registrations registrations;
    private final QrTokens tokens;
    private final RegistrationEvents events;
    private final OutboxRelay relay;
    private final Clock clock;

    public CheckIns(Registrations registrations, QrTokens tokens, OutboxEvents outbox, OutboxRelay relay,
            Clock clock) {
        this.registrations = registrations;
        this.tokens = tokens;
        this.events = new RegistrationEvents(outbox);
        this.relay = relay;
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
        if (!r.isConfirmed()) {
            throw new RegistrationRuleException(Kind.NOT_CONFIRMED,
                    "Registration is " + r.status() + ", not confirmed: no check-in",
                    List.of(new Violation("token", "registration is " + r.status())));
        }
        if (r.checkedInAt() != null) {
            return new Result(r, true);
        }
        Instant now = clock.instant();
        OutboxMessage event = events.checkedIn(r, organizerId, now);
        Optional<Registration> done = registrations.transition(Query.query(where("_id").is(r.id())
                .and("status").is(RegistrationStatus.CONFIRMED).and("checkedInAt").is(null)),
                new Update().set("checkedInAt", now).set("checkedInBy", organizerId)
                        .push(OutboxMessage.FIELD, event));
        if (done.isPresent()) {
            relay.signal(Registration.COLLECTION, r.id(), done.get().outbox());
            return new Result(done.get(), false);
        }
        Registration after = registrations.find(r.id()).orElse(r);
        if (after.checkedInAt() != null) {
            return new Result(after, true);
        }
        throw new RegistrationRuleException(Kind.NOT_CONFIRMED,
                "Registration is " + after.status() + ", not confirmed: no check-in");
    }
}
