package org.eduweek.analytics.web;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import io.swagger.v3.oas.annotations.media.Schema;

import org.eduweek.analytics.domain.BreakdownRow;
import org.eduweek.analytics.domain.FigureCalculator;
import org.eduweek.analytics.domain.Figures;
import org.eduweek.analytics.domain.SessionInfo;
import org.eduweek.analytics.events.Capacity;
import org.eduweek.analytics.events.Demand;

@Schema(description = "Figures of one session. fillRate = confirmed / capacity; attendanceRate = checkedIn / confirmed; "
        + "noShows = confirmed but not checked in once the session has ended; demand.needsMoreRoom = the waitlist exceeds 20 % of the capacity "
        + "(needs a bigger room or another session), demand.waitlistShare = waitlisted / capacity. Breakdown groups under 3 people show \"<3\".")
public record SessionView(String sessionId, String editionId, String activityId, String trackId,
        Map<String, String> title, Instant start, Instant end, String timeZone, String mode, String campus,
        String status, Capacity capacity, long confirmed, long waitlisted, long cancelled, long checkedIn,
        long noShows, double fillRate, long waitlistLength, double attendanceRate, Demand demand,
        Map<String, Long> notificationsSent,
        Map<String, Long> notificationsFailed, Map<String, List<BreakdownRow>> breakdowns, Instant updatedAt) {

    static SessionView of(Figures f, SessionInfo s, Demand demand, Map<String, List<BreakdownRow>> breakdowns) {
        Map<String, String> title = FigureCalculator.titles(s);
        Capacity capacity = s == null ? new Capacity(0, 0) : new Capacity(s.capacityInPerson(), s.capacityOnline());
        long seats = capacity.inPerson() + capacity.online();
        double fillRate = seats == 0 ? 0.0 : Math.round(10_000.0 * f.confirmed() / seats) / 10_000.0;
        return new SessionView(f.id(), f.editionId(), s == null ? null : s.activityId(),
                s == null ? null : s.trackId(), title, s == null ? null : s.start(), s == null ? null : s.end(),
                s == null ? null : s.timeZone(), s == null ? null : s.mode(), s == null ? null : s.campus(),
                s == null ? null : s.status(), capacity, f.confirmed(), f.waitlisted(), f.cancelled(),
                f.checkedIn(), f.noShows(), fillRate, f.waitlistLength(), f.attendanceRate(), demand,
                f.notificationsSent(), f.notificationsFailed(), breakdowns, f.updatedAt());
    }
}
