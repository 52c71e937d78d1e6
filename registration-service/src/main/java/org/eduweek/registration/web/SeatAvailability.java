package org.eduweek.registration.web;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

import io.swagger.v3.oas.annotations.media.Schema;

import org.springframework.stereotype.Component;

import org.eduweek.registration.domain.SeatMode;
import org.eduweek.registration.domain.Session;
import org.eduweek.registration.store.Registrations;
import org.eduweek.registration.store.SeatCounter;
import org.eduweek.registration.store.SeatLedger;
import org.eduweek.registration.store.SessionReplica;

/**
 * Free seats and waitlist length per seat mode of one session, as this service knows them: for anyone, the
 * programme being public. A session still in draft is not shown to anyone but organizers.
 */
@Component
public class SeatAvailability {

    @Schema(description = "Seats of one session per seat mode; `status` is the session's (PUBLISHED, CANCELLED, "
            + "DRAFT for organizers only), `sequence` the schedule's version of it.")
    public record Availability(String sessionId, String status, long sequence, List<Seats> seats) {

        /** A strong validator of this exact content, for {@code ETag} and the event stream's ids. */
        public String version() {
            StringBuilder text = new StringBuilder(sessionId).append('|').append(status).append('|').append(sequence);
            seats.forEach(s -> text.append('|').append(s.seatMode()).append(':').append(s.capacity()).append(':')
                    .append(s.free()).append(':').append(s.confirmed()).append(':').append(s.waiting()));
            try {
                byte[] hash = MessageDigest.getInstance("SHA-256").digest(text.toString().getBytes(StandardCharsets.UTF_8));
                return HexFormat.of().formatHex(hash, 0, 12);
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException(e);
            }
        }
    }

    @Schema(description = "One seat mode: `free` seats left to confirm, `confirmed` registrations, `waiting` on the "
            + "waitlist of this mode")
    public record Seats(String seatMode, int capacity, int free, int confirmed, int waiting) {
    }

    private final SessionReplica sessions;
    private final Registrations registrations;
    private final SeatLedger ledger;

    public SeatAvailability(SessionReplica sessions, Registrations registrations, SeatLedger ledger) {
        this.sessions = sessions;
        this.registrations = registrations;
        this.ledger = ledger;
    }

    /** The session's seats, or empty when it is unknown here or a draft the caller may not see. */
    public Optional<Availability> of(String sessionId, boolean staff) {
        return sessions.find(sessionId).filter(s -> staff || s.isPublished() || s.isCancelled()).map(this::of);
    }

    Availability of(Session s) {
        List<Seats> seats = new ArrayList<>();
        for (SeatMode mode : s.seatModes()) {
            SeatCounter c = ledger.find(s.id(), mode);
            int confirmed = (int) registrations.countConfirmed(s.id(), mode);
            int waiting = (int) registrations.countWaiting(s.id(), mode);
            seats.add(new Seats(mode.name(), s.capacity(mode), c == null ? s.capacity(mode) : Math.max(0, c.free()),
                    confirmed, waiting));
        }
        return new Availability(s.id(), s.status(), s.sequence(), seats);
    }
}
