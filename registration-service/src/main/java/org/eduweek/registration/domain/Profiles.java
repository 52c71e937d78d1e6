package org.eduweek.registration.domain;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

import org.springframework.stereotype.Component;

import org.eduweek.platform.security.CurrentUser;
import org.eduweek.registration.events.ParticipantProfileChanged;
import org.eduweek.registration.store.ProfileStore;

/**
 * Participant profiles. A profile is written (with its ParticipantProfileChanged in the outbox) whenever it is new
 * or changed, and signalled to the relay BEFORE the registration that needed it, so the notification service
 * usually knows the contact first (it holds registration events until it does).
 * <p>
 * {@code activeSessionIds} is a superset hint, never the truth: a registration lists its session here BEFORE its
 * registration document is written ({@link #enrol}) and removes it after it is cancelled. An entry whose
 * registration was refused, cancelled or never stored (a crash) is stale and harmless: every reader checks the
 * registration itself (the overlap rule, the "already registered" lookup).
 */
@Component
public class Profiles {

    private final ProfileStore store;
    private final Clock clock;

    public Profiles(ProfileStore store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    public Optional<Participant> find(String participantId) {
        return store.find(participantId);
    }

    public List<Participant> findAll(Collection<String> participantIds) {
        return store.findAll(participantIds);
    }

    /** The caller's profile for a registration, and whether the session was listed in it before this request. */
    public record Enrolment(Participant profile, boolean listedBefore) {
    }

    /**
     * The caller's profile with {@code sessionId} added to {@code activeSessionIds}, in ONE round trip: an upsert
     * whose BEFORE image is the profile as it was (empty for a new participant, who is inserted from the token's
     * claims with ParticipantProfileChanged in its outbox). BEFORE because mongo-java-server hands out its live
     * document for AFTER, which a concurrent update can change while it is serialized; the change is applied to the
     * copy in memory. Only a returning participant whose token claims changed costs more (see
     * {@link #recordFromClaims}).
     */
    public Enrolment enrol(CurrentUser user, String sessionId) {
        Participant.Claims claims = claims(user);
        Participant created = new Participant(user.id(), claims.name(), claims.email(), claims.phone(),
                ProfileRules.language(claims.locale()), false, null, null, null, null, null, 1, claims,
                List.of(sessionId), clock.instant(), null);
        Optional<Participant> before = store.enrol(created, event(created, created.profileVersion()), sessionId);
        if (before.isEmpty()) {
            return new Enrolment(created, false);
        }
        Participant current = before.get();
        boolean listed = current.activeSessionIds() != null && current.activeSessionIds().contains(sessionId);
        Participant profile = Objects.equals(current.claims(), claims) ? current : recordFromClaims(user);
        return new Enrolment(withSession(profile, sessionId), listed);
    }

    /** The caller's profile, created or refreshed from the token's claims. */
    public Participant recordFromClaims(CurrentUser user) {
        Participant.Claims claims = claims(user);
        for (int attempt = 0; attempt < 5; attempt++) {
            Participant current = store.find(user.id()).orElse(null);
            if (current == null) {
                Participant created = new Participant(user.id(), claims.name(), claims.email(), claims.phone(),
                        ProfileRules.language(claims.locale()), false, null, null, null, null, null, 1, claims, List.of(),
                        clock.instant(), null);
                Optional<Participant> stored = store.insert(created, event(created, created.profileVersion()));
                if (stored.isPresent()) {
                    return stored.get();
                }
                continue; // a concurrent request inserted it first
            }
            if (Objects.equals(current.claims(), claims)) {
                return current;
            }
            Participant.Claims old = current.claims() == null ? new Participant.Claims(null, null, null, null)
                    : current.claims();
            Participant next = new Participant(current.id(),
                    changed(old.name(), claims.name(), current.name()),
                    changed(old.email(), claims.email(), current.email()),
                    changed(old.phone(), claims.phone(), current.phone()),
                    Objects.equals(old.locale(), claims.locale()) || claims.locale() == null ? current.language()
                            : ProfileRules.language(claims.locale()),
                    current.smsConsent(), current.audience(), current.affiliation(), current.country(),
                    current.level(), current.timeZone(), current.profileVersion(), claims, current.activeSessionIds(), clock.instant(), null);
            Optional<Participant> saved = save(current, next);
            if (saved.isPresent()) {
                return saved.get();
            }
        }
        throw new IllegalStateException("Profile " + user.id() + " kept changing concurrently");
    }

    /** A self-service edit; publishes only if something really changed. */
    public Participant update(CurrentUser user, ProfileChange change) {
        recordFromClaims(user);
        for (int attempt = 0; attempt < 5; attempt++) {
            Participant current = store.find(user.id()).orElseThrow();
            ProfileRules.validate(change, current.phone());
            String timeZone = change.timeZone() == null ? current.timeZone()
                    : change.timeZone().isEmpty() ? null : change.timeZone();
            String phone = change.phone() == null ? current.phone()
                    : change.phone().isEmpty() ? null : ProfileRules.e164(change.phone());
            Participant next = new Participant(current.id(), or(change.name(), current.name()),
                    or(change.email(), current.email()), phone, or(change.language(), current.language()),
                    phone != null && (change.smsConsent() == null ? current.smsConsent() : change.smsConsent()),
                    or(change.audience(), current.audience()), or(change.affiliation(), current.affiliation()),
                    or(change.country(), current.country()), or(change.level(), current.level()),
                    timeZone, current.profileVersion(), current.claims(), current.activeSessionIds(), clock.instant(), null);
            Optional<Participant> saved = save(current, next);
            if (saved.isPresent()) {
                return saved.get();
            }
        }
        throw new IllegalStateException("Profile " + user.id() + " kept changing concurrently");
    }

    public void removeActiveSession(String participantId, String sessionId) {
        store.removeActiveSession(participantId, sessionId);
    }

    /** Compare-and-set on profileVersion; skips the write (and the event) when nothing visible changed. */
    private Optional<Participant> save(Participant current, Participant next) {
        if (sameContact(current, next) && Objects.equals(current.claims(), next.claims())) {
            return Optional.of(current);
        }
        boolean publish = !sameContact(current, next);
        long version = publish ? current.profileVersion() + 1 : current.profileVersion();
        return store.save(current, next, version, publish ? event(next, version) : null);
    }

    private static Participant.Claims claims(CurrentUser user) {
        return new Participant.Claims(user.name(), user.email(), ProfileRules.e164(user.phoneNumber()),
                user.locale());
    }

    private static Participant withSession(Participant p, String sessionId) {
        List<String> sessions = new ArrayList<>(p.activeSessionIds() == null ? List.of() : p.activeSessionIds());
        if (!sessions.contains(sessionId)) {
            sessions.add(sessionId);
        }
        return new Participant(p.id(), p.name(), p.email(), p.phone(), p.language(), p.smsConsent(), p.audience(),
                p.affiliation(), p.country(), p.level(), p.timeZone(), p.profileVersion(), p.claims(), sessions, p.updatedAt(),
                p.outbox());
    }

    private ParticipantProfileChanged event(Participant p, long version) {
        return new ParticipantProfileChanged(UUID.randomUUID().toString(), clock.instant(), p.id(), p.name(),
                p.email(), p.phone(), p.language(), p.smsConsent(), p.audience(), p.affiliation(), p.country(),
                p.timeZone(), version);
    }

    private static boolean sameContact(Participant a, Participant b) {
        return Objects.equals(a.name(), b.name()) && Objects.equals(a.email(), b.email())
                && Objects.equals(a.phone(), b.phone()) && Objects.equals(a.language(), b.language())
                && a.smsConsent() == b.smsConsent() && Objects.equals(a.audience(), b.audience())
                && Objects.equals(a.affiliation(), b.affiliation()) && Objects.equals(a.country(), b.country())
                && Objects.equals(a.level(), b.level()) && Objects.equals(a.timeZone(), b.timeZone());
    }

    /** A claim that changed since the last token wins; an unchanged claim leaves a self-service edit alone. */
    private static String changed(String oldClaim, String newClaim, String current) {
        return Objects.equals(oldClaim, newClaim) || newClaim == null ? current : newClaim;
    }

    private static String or(String value, String fallback) {
        return value == null ? fallback : value;
    }

}
