package org.eduweek.local.rehearsal;

import java.time.Instant;

/** One registration as the test saw it happen: its answers and the times the registration service gave. */
public final class Registration {

    final Person person;
    final Session session;
    final String seatMode;
    String id;
    String status;
    /** The waitlist place it was given; the queue is first come, first served by this number. */
    Integer queuedAs;
    Instant createdAt;
    /** When it got its seat: at creation, or when promoted. */
    Instant confirmedAt;
    Instant cancelledAt;
    boolean checkedIn;

    Registration(Person person, Session session, String seatMode) {
        this.person = person;
        this.session = session;
        this.seatMode = seatMode;
    }

    public boolean confirmed() {
        return "CONFIRMED".equals(status);
    }

    public boolean waitlisted() {
        return "WAITLISTED".equals(status);
    }

    public boolean active() {
        return confirmed() || waitlisted();
    }

    public boolean checkedIn() {
        return checkedIn;
    }

    public Person person() {
        return person;
    }

    public Session session() {
        return session;
    }

    public String id() {
        return id;
    }

    public String seatMode() {
        return seatMode;
    }

    @Override
    public String toString() {
        return person.sub + "@" + session.code + "/" + seatMode + " " + status
                + (queuedAs == null ? "" : " #" + queuedAs);
    }
}
