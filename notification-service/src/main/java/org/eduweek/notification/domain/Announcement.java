package org.eduweek.notification.domain;

import java.time.Instant;
import java.util.Set;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/** An organizer's message to all registrants of a session or an activity, kept with who sent it. */
@Document("announcements")
public record Announcement(@Id String id, String sessionId, String activityId, String subject, String message,
        Set<Channel> channels, String sentBy, Instant createdAt, int recipients) {
}
