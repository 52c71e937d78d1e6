package org.eduweek.notification.domain;

import java.time.Instant;
import java.time.ZoneId;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/** What a message needs to describe a session, from {@code schedule.events.v1}; the highest sequence wins. */
@Document("sessions")
public record SessionReplica(@Id String sessionId, String editionId, String activityId, String titleEn,
        String titleZh, Instant start, Instant end, String timeZone, String mode, String venue, String joinLink,
        String status, long sequence) {

    public String title(String language) {
        if ("zh".equals(language) && titleZh != null && !titleZh.isBlank()) {
            return titleZh;
        }
        return titleEn != null ? titleEn : titleZh;
    }

    public ZoneId zone() {
        try {
            return timeZone == null ? ZoneId.of("UTC") : ZoneId.of(timeZone);
        } catch (RuntimeException e) {
            return ZoneId.of("UTC");
        }
    }

    /** The same session as told to someone who may not have the join link (see delivery's JoinLinks). */
    public SessionReplica withoutJoinLink() {
        return joinLink == null ? this : new SessionReplica(sessionId, editionId, activityId, titleEn, titleZh, start,
                end, timeZone, mode, venue, null, status, sequence);
    }

    public boolean cancelled() {
        return "CANCELLED".equals(status);
    }
}
