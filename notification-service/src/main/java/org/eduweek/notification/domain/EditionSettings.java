package org.eduweek.notification.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/** Reminder offsets an organizer chose for one edition; absent = the configured defaults. */
@Document("edition_settings")
public record EditionSettings(@Id String editionId, List<Duration> emailReminders, List<Duration> smsReminders,
        String updatedBy, Instant updatedAt) {

    public List<Duration> offsets(Channel channel) {
        return channel == Channel.EMAIL ? emailReminders : smsReminders;
    }
}
