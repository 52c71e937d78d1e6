package org.eduweek.local.rehearsal;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.eduweek.local.SharedPlatform;

/**
 * What notification-service does with a fact, as its code and the platform's configuration say (kinds per channel:
 * {@code NotificationProperties}; SMS needs consent and a phone and waits out quiet hours unless the session starts
 * soon: {@code Delivery}; reminders: {@code ReminderPlanner}). The rehearsal computes its expectations with these.
 */
public final class NotificationRules {

    static final Map<Kind, Set<Channel>> CHANNELS = Map.of(
            Kind.CONFIRMED, Set.of(Channel.EMAIL, Channel.SMS),
            Kind.WAITLISTED, Set.of(Channel.EMAIL),
            Kind.PROMOTED, Set.of(Channel.EMAIL, Channel.SMS),
            Kind.CANCELLED, Set.of(Channel.EMAIL),
            Kind.SESSION_CHANGED, Set.of(Channel.EMAIL, Channel.SMS),
            Kind.SESSION_CANCELLED, Set.of(Channel.EMAIL, Channel.SMS));

    static final Map<Channel, Duration> REMINDER_LEAD = Map.of(Channel.EMAIL, SharedPlatform.EMAIL_REMINDER,
            Channel.SMS, SharedPlatform.SMS_REMINDER);

    static final LocalTime QUIET_START = LocalTime.parse(SharedPlatform.QUIET_START);
    static final LocalTime QUIET_END = LocalTime.parse(SharedPlatform.QUIET_END);

    /** No quiet-hours boundary may fall this close to a moment the test decides on. */
    static final Duration QUIET_MARGIN = Duration.ofMinutes(20);

    private NotificationRules() {
    }

    /** Quiet hours are read in the session's zone, as the service does. */
    static boolean quiet(Instant at, ZoneId zone) {
        LocalTime t = at.atZone(zone).toLocalTime();
        boolean wraps = QUIET_START.isAfter(QUIET_END);
        return wraps ? !t.isBefore(QUIET_START) || t.isBefore(QUIET_END)
                : !t.isBefore(QUIET_START) && t.isBefore(QUIET_END);
    }

    /** Whether the quiet-hours answer for this zone stays the same from {@code at} for {@link #QUIET_MARGIN}. */
    static boolean quietSettled(Instant at, ZoneId zone) {
        boolean now = quiet(at, zone);
        for (Duration d = Duration.ZERO; d.compareTo(QUIET_MARGIN) <= 0; d = d.plusMinutes(1)) {
            if (quiet(at.plus(d), zone) != now) {
                return false;
            }
        }
        return true;
    }

    /** The first zone whose quiet-hours state does not change during the rehearsal. */
    static ZoneId settledZone(Instant at, List<ZoneId> candidates) {
        return candidates.stream().filter(z -> quietSettled(at, z)).findFirst()
                .orElseThrow(() -> new IllegalStateException("no zone without a quiet-hours boundary near " + at));
    }

    /**
     * An SMS about {@code session} made at {@code at} waits for the end of quiet hours (hours away, after the test)
     * when the session does not start soon and it is night in the session's zone.
     */
    static boolean smsDeferred(Session session, Instant at) {
        Duration untilStart = Duration.between(at, session.timingAt(at).start());
        Duration margin = Duration.ofMinutes(5);
        if (untilStart.minus(SharedPlatform.URGENT_WITHIN).abs().compareTo(margin) < 0) {
            throw new IllegalStateException(session.code + " starts too close to the urgency limit to tell");
        }
        if (untilStart.compareTo(SharedPlatform.URGENT_WITHIN) <= 0) {
            return false;
        }
        if (!quietSettled(at, session.zone)) {
            throw new IllegalStateException("quiet hours begin or end in " + session.zone + " during the rehearsal");
        }
        return quiet(at, session.zone);
    }
}
