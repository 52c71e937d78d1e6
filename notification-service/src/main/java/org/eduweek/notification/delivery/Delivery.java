package org.eduweek.notification.delivery;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

import org.eduweek.notification.config.NotificationProperties;
import org.eduweek.notification.domain.Channel;
import org.eduweek.notification.domain.Contact;
import org.eduweek.notification.domain.DeliverySignal;
import org.eduweek.notification.domain.Notification;
import org.eduweek.notification.domain.NotificationKind;
import org.eduweek.notification.domain.NotificationState;
import org.eduweek.notification.domain.Preferences;
import org.eduweek.notification.domain.RegistrationReplica;
import org.eduweek.notification.domain.SessionReplica;
import org.eduweek.notification.store.ContactStore;
import org.eduweek.notification.store.NotificationStore;
import org.eduweek.notification.store.RegistrationStore;
import org.eduweek.notification.store.SessionStore;
import org.eduweek.notification.store.SettingsStore;

/**
 * Sends one claimed message: the checks that depend on the moment of sending (contact known? channel allowed?
 * session started? quiet hours?), then render, send, record. The record is fenced by the claim's token.
 */
@Component
public class Delivery {

    private static final Logger log = LoggerFactory.getLogger(Delivery.class);

    private final NotificationStore store;
    private final ContactStore contacts;
    private final SessionStore sessions;
    private final RegistrationStore registrations;
    private final SettingsStore settings;
    private final MessageRenderer renderer;
    private final CalendarInvite calendar;
    private final EmailSender email;
    private final SmsProvider sms;
    private final SmsRateLimiter rate;
    private final NotificationProperties props;
    private final QuietHours quiet;
    private final Clock clock;
    /** The dispatcher, which itself uses this class: looked up when first needed. */
    private final ObjectProvider<DeliverySignal> signal;

    public Delivery(NotificationStore store, ContactStore contacts, SessionStore sessions,
            RegistrationStore registrations, SettingsStore settings, MessageRenderer renderer,
            CalendarInvite calendar, EmailSender email, SmsProvider sms, SmsRateLimiter rate,
            NotificationProperties props, Clock clock, ObjectProvider<DeliverySignal> signal) {
        this.store = store;
        this.contacts = contacts;
        this.sessions = sessions;
        this.registrations = registrations;
        this.settings = settings;
        this.renderer = renderer;
        this.calendar = calendar;
        this.email = email;
        this.sms = sms;
        this.rate = rate;
        this.props = props;
        this.quiet = new QuietHours(props.sms().quietStart(), props.sms().quietEnd());
        this.clock = clock;
        this.signal = signal;
    }

    public void deliver(Notification n) {
        Instant now = clock.instant();
        boolean reminder = n.kind() == NotificationKind.REMINDER;
        // a reminder decides on the stored session (it may have moved); other messages take the cached one, at
        // least as new as the one they were made from
        Optional<SessionReplica> session = reminder ? sessions.stored(n.sessionId())
                : sessions.find(n.sessionId(), n.sessionSequence());
        if (session.isEmpty()) {
            if (store.park(n, "waiting for the session's details") && sessions.stored(n.sessionId()).isPresent()) {
                // it arrived while we parked: its release may have run before our marker was there
                store.releaseWaiting("sessionId", n.sessionId()).forEach(this::handOver);
            }
            return;
        }
        SessionReplica s = session.get();
        // read only where it matters: a reminder's registration must still be confirmed; a waitlist message shows
        // the position; a change or an announcement shows the join link only to a confirmed registrant
        RegistrationReplica registration = n.registrationId() == null || !reminder
                && n.kind() != NotificationKind.WAITLISTED && !JoinLinks.dependOnRegistration(n.kind()) ? null
                        : registrations.find(n.registrationId()).orElse(null);
        if (reminder) {
            if (s.cancelled() || registration != null && !registration.confirmed()) {
                store.settle(n, NotificationState.DROPPED, "registration or session cancelled");
                return;
            }
            if (!s.start().isAfter(now)) {
                store.settle(n, NotificationState.MISSED, "the session had started when it fell due");
                return;
            }
            if (supersededReminder(n, s)) {
                store.settle(n, NotificationState.DROPPED, "superseded by a new plan");
                return;
            }
        }
        Optional<Contact> contact = contacts.find(n.participantId());
        if (contact.isEmpty()) {
            DeliverySignal dispatcher = signal.getIfAvailable();
            if (dispatcher != null && dispatcher.holdForContact(n)) {
                // held in memory, still claimed. It arrived meanwhile: its handover may have run before we held.
                if (contacts.find(n.participantId()).isPresent()) {
                    dispatcher.contactArrived(n.participantId());
                }
                return;
            }
            if (store.park(n, "waiting for the participant's contact data")
                    && contacts.find(n.participantId()).isPresent()) {
                // it arrived while we parked: its release may have run before our marker was there
                store.releaseWaiting("participantId", n.participantId()).forEach(this::handOver);
            }
            return;
        }
        Contact c = contact.get();
        Preferences p = settings.preferences(n.participantId());
        if (!p.allows(n.channel())) {
            store.settle(n, NotificationState.SKIPPED, n.channel() + " switched off by the participant");
            return;
        }
        String language = language(p, c);
        SessionReplica told = JoinLinks.shown(n.kind(), registration) ? s : s.withoutJoinLink();
        MessageRenderer.Model model = new MessageRenderer.Model(n.kind(), n.variant(), language, c.name(), told,
                registration == null ? null : registration.waitlistPosition(), n.subject(), n.body(), n.sentBy());
        if (n.channel() == Channel.EMAIL) {
            sendEmail(n, c, told, model);
        } else {
            sendSms(n, c, s, model, now);
        }
    }

    private void sendEmail(Notification n, Contact c, SessionReplica s, MessageRenderer.Model model) {
        if (c.email() == null || c.email().isBlank()) {
            store.settle(n, NotificationState.SKIPPED, "no email address");
            return;
        }
        MessageRenderer.Email content = renderer.email(model);
        boolean cancel = n.kind() == NotificationKind.SESSION_CANCELLED || n.kind() == NotificationKind.CANCELLED;
        String ics = n.kind().carriesCalendar()
                ? calendar.build(s, n.registrationId(), s.title(model.language()), s.venue(), cancel) : null;
        try {
            String id = email.send(c.email(), content, ics, cancel, n.dedupeKey());
            record(n, id, model.language(), content.subject());
        } catch (DeliveryException e) {
            failed(n, e);
        }
    }

    private void sendSms(Notification n, Contact c, SessionReplica s, MessageRenderer.Model model,
            Instant now) {
        if (!c.smsConsent()) {
            store.settle(n, NotificationState.SKIPPED, "no consent to SMS");
            return;
        }
        if (c.phone() == null || c.phone().isBlank()) {
            store.settle(n, NotificationState.SKIPPED, "no phone number");
            return;
        }
        Optional<String> to = PhoneNumbers.e164(c.phone());
        if (to.isEmpty()) {
            store.markFailed(n, "invalid phone number (E.164 required)", now);
            return;
        }
        Optional<Instant> quietUntil = quiet.endIfInside(now, s.zone());
        if (quietUntil.isPresent() && Duration.between(now, s.start()).compareTo(props.sms().urgentWithin()) > 0) {
            store.defer(n, quietUntil.get(), "quiet hours");
            return;
        }
        String text = renderer.sms(model, props.sms().maxSegments());
        try {
            rate.acquire(props.sms().from());
            String id = sms.send(to.get(), props.sms().from(), text, n.dedupeKey());
            record(n, id, model.language(), null);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            // not sent: the lease runs out and another sender (or this one after restart) takes it
        } catch (DeliveryException e) {
            failed(n, e);
        }
    }

    /**
     * A reminder planned for an older sequence of its session while a plan for the current sequence exists (the
     * session moved and was re-planned, and this plan was stored late, e.g. by a consumer racing the re-plan).
     */
    private boolean supersededReminder(Notification n, SessionReplica s) {
        return s.sequence() > n.sessionSequence() && n.registrationId() != null
                && store.byKey(Notification.key(n.registrationId(), NotificationKind.REMINDER, n.variant(),
                        s.sequence(), n.channel())).isPresent();
    }

    private void record(Notification n, String providerId, String language, String subject) {
        if (!store.markSent(n, providerId, language, subject, clock.instant())) {
            log.warn("{} was sent but its lease had passed to another sender; the same Message-ID/idempotency key "
                    + "lets the receiver drop a second copy", n.dedupeKey());
        }
    }

    /** A released message goes to the senders at once, not at the next scan. */
    private void handOver(Notification released) {
        DeliverySignal s = signal.getIfAvailable();
        if (s != null) {
            s.hint(released);
        }
    }

    private void failed(Notification n, DeliveryException e) {
        Instant now = clock.instant();
        int attempts = n.attempts() + 1;
        if (e.permanent() || attempts >= props.delivery().maxAttempts()) {
            log.warn("Giving up {} after {} attempt(s): {}", n.dedupeKey(), attempts, e.getMessage());
            store.markFailed(n, e.getMessage(), now);
        } else {
            Duration wait = props.delivery().backoff(attempts);
            log.info("Retrying {} in {} (attempt {} failed): {}", n.dedupeKey(), wait, attempts, e.getMessage());
            store.retryLater(n, e.getMessage(), now.plus(wait));
        }
    }

    private String language(Preferences p, Contact c) {
        String lang = p.language() != null ? p.language() : c.language();
        if (lang != null && lang.toLowerCase().startsWith("zh")) {
            return "zh";
        }
        return lang != null && lang.toLowerCase().startsWith("en") ? "en" : props.defaultLanguage();
    }
}
