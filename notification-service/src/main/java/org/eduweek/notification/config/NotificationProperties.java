package org.eduweek.notification.config;

import java.time.Duration;
import java.time.LocalTime;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.boot.context.properties.ConfigurationProperties;

import org.eduweek.notification.domain.Channel;
import org.eduweek.notification.domain.NotificationKind;

/**
 * Everything about timing and delivery that an operator may tune (README lists each key).
 *
 * @param channels which channels each kind of message goes out on (a participant's preferences may still switch one off)
 * @param reminders default reminder offsets before a session starts, per channel (ISO-8601 durations; a days part is
 *        counted in calendar days in the session's zone, so "P1D" keeps the local clock time across DST)
 * @param delivery worker, lease and retry settings
 * @param sms SMS sender id, rate, segment limit, quiet hours
 */
@ConfigurationProperties("eduweek.notification")
public record NotificationProperties(Map<NotificationKind, Set<Channel>> channels, Reminders reminders,
        Delivery delivery, Sms sms, String defaultLanguage) {

    public NotificationProperties {
        channels = channels == null || channels.isEmpty() ? Map.of(
                NotificationKind.CONFIRMED, Set.of(Channel.EMAIL, Channel.SMS),
                NotificationKind.WAITLISTED, Set.of(Channel.EMAIL),
                NotificationKind.PROMOTED, Set.of(Channel.EMAIL, Channel.SMS),
                NotificationKind.CANCELLED, Set.of(Channel.EMAIL),
                NotificationKind.SESSION_CHANGED, Set.of(Channel.EMAIL, Channel.SMS),
                NotificationKind.SESSION_CANCELLED, Set.of(Channel.EMAIL, Channel.SMS),
                NotificationKind.ANNOUNCEMENT, Set.of(Channel.EMAIL)) : channels;
        reminders = reminders == null ? new Reminders(null, null) : reminders;
        delivery = delivery == null ? new Delivery(null, null, null, null, null, null, null, null, null) : delivery;
        sms = sms == null ? new Sms(null, null, null, null, null, null) : sms;
        defaultLanguage = defaultLanguage == null ? "en" : defaultLanguage;
    }

    public Set<Channel> channelsFor(NotificationKind kind) {
        return channels.getOrDefault(kind, Set.of(Channel.EMAIL));
    }

    public record Reminders(List<Duration> email, List<Duration> sms) {
        public Reminders {
            email = email == null ? List.of(Duration.ofHours(24)) : List.copyOf(email);
            sms = sms == null ? List.of(Duration.ofHours(1)) : List.copyOf(sms);
        }
    }

    /**
     * @param enabled start the worker threads (tests of the pure store may switch them off)
     * @param emailWorkers threads sending email in parallel (SMTP is slow per message, so a few help)
     * @param smsWorkers threads sending SMS; the rate limit paces them anyway
     * @param lease how long a claimed message belongs to its sender before another instance may retry it
     * @param pollInterval how often the scanner looks for due messages nobody handed it: reminders falling due,
     *        retries, quiet-hours SMS, other instances' leftovers (new messages need no scan: they are handed over)
     * @param maxAttempts provider attempts before a message is given up as NotificationFailed
     * @param initialBackoff first retry delay, doubled per attempt up to {@code maxBackoff}
     * @param contactWait how long a claimed message whose participant's contact is not known yet waits for it in
     *        memory before it is parked (WAITING) in the database; zero parks at once. A new participant's contact
     *        and their first registration travel on two topics, so the registration usually comes first.
     */
    public record Delivery(Boolean enabled, Integer emailWorkers, Integer smsWorkers, Duration lease,
            Duration pollInterval, Integer maxAttempts, Duration initialBackoff, Duration maxBackoff,
            Duration contactWait) {
        public Delivery {
            enabled = enabled == null || enabled;
            emailWorkers = emailWorkers == null ? 8 : emailWorkers;
            smsWorkers = smsWorkers == null ? 1 : smsWorkers;
            lease = lease == null ? Duration.ofSeconds(60) : lease;
            pollInterval = pollInterval == null ? Duration.ofSeconds(5) : pollInterval;
            maxAttempts = maxAttempts == null ? 5 : maxAttempts;
            initialBackoff = initialBackoff == null ? Duration.ofSeconds(10) : initialBackoff;
            maxBackoff = maxBackoff == null ? Duration.ofMinutes(10) : maxBackoff;
            contactWait = contactWait == null ? Duration.ofSeconds(5) : contactWait;
        }

        public Duration backoff(int attempts) {
            long factor = 1L << Math.min(20, Math.max(0, attempts - 1));
            Duration d = initialBackoff.multipliedBy(factor);
            return d.compareTo(maxBackoff) > 0 ? maxBackoff : d;
        }
    }

    /**
     * @param ratePerSecond messages per second per sender id, the provider's limit; excess waits in the queue
     * @param maxSegments longest message allowed; longer texts are shortened to fit
     * @param quietStart start of the local quiet window (no SMS), {@code quietEnd} its end
     * @param urgentWithin a session starting this soon overrides quiet hours
     */
    public record Sms(String from, Double ratePerSecond, Integer maxSegments, LocalTime quietStart,
            LocalTime quietEnd, Duration urgentWithin) {
        public Sms {
            from = from == null ? "EDUWEEK" : from;
            ratePerSecond = ratePerSecond == null ? 1.0 : ratePerSecond;
            maxSegments = maxSegments == null ? 2 : maxSegments;
            quietStart = quietStart == null ? LocalTime.of(22, 0) : quietStart;
            quietEnd = quietEnd == null ? LocalTime.of(7, 0) : quietEnd;
            urgentWithin = urgentWithin == null ? Duration.ofHours(2) : urgentWithin;
        }
    }
}
