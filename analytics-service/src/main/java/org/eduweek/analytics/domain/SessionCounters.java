package org.eduweek.analytics.domain;

import java.time.Instant;

/** Running counts of one session, always equal to the sum of its registrations' derived states. */
public final class SessionCounters {

    long confirmed;
    long waitlisted;
    long cancelled;
    long checkedIn;
    Instant lastEventAt;

    void add(RegistrationState s, int sign) {
        String status = s.status();
        if (RegistrationState.CONFIRMED.equals(status)) {
            confirmed += sign;
        } else if (RegistrationState.WAITLISTED.equals(status)) {
            waitlisted += sign;
        } else if (RegistrationState.CANCELLED.equals(status)) {
            cancelled += sign;
        }
        if (s.checkedIn()) {
            checkedIn += sign;
        }
    }

    void touch(Instant at) {
        if (at != null && (lastEventAt == null || at.isAfter(lastEventAt))) {
            lastEventAt = at;
        }
    }

    public long confirmed() {
        return confirmed;
    }

    public long waitlisted() {
        return waitlisted;
    }

    public long cancelled() {
        return cancelled;
    }

    public long checkedIn() {
        return checkedIn;
    }

    public Instant lastEventAt() {
        return lastEventAt;
    }
}
