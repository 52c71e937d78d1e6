package org.eduweek.notification.domain;

import java.time.Instant;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A participant's own choices, owned by this service. SMS also needs the consent that comes with the profile, so
 * {@code sms = true} alone never sends one.
 *
 * @param language "en", "zh", or null to follow the profile's language
 */
@Document("preferences")
public record Preferences(@Id String participantId, boolean email, boolean sms, String language, Instant updatedAt) {

    public static Preferences defaults(String participantId) {
        return new Preferences(participantId, true, true, null, null);
    }

    public boolean allows(Channel channel) {
        return channel == Channel.EMAIL ? email : sms;
    }
}
