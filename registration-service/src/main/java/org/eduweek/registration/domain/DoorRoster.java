package org.eduweek.registration.domain;

import java.text.Normalizer;
import java.time.Instant;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.springframework.stereotype.Service;

import org.eduweek.registration.store.Registrations;

/**
 * What the door of a session needs: how many confirmed people are expected and how many are in, and the confirmed
 * people whose name or email matches a search, for checking in someone who has no phone with them. Only confirmed
 * registrations can be checked in, so only they are listed.
 */
@Service
public class DoorRoster {

    private final Registrations registrations;
    private final Profiles profiles;

    public DoorRoster(Registrations registrations, Profiles profiles) {
        this.registrations = registrations;
        this.profiles = profiles;
    }

    public record Person(String registrationId, String participantId, String name, String seatMode,
            Instant checkedInAt) {
    }

    public record Roster(int confirmed, int checkedIn, List<Person> people) {
    }

    /**
     * @param query words that must all appear in the person's name or email (case and accents ignored); blank lists
     *              everyone
     * @param limit at most this many people (0: only the counts, no profile is read)
     */
    public Roster of(String sessionId, String query, int limit) {
        List<Registration> confirmed = registrations.ofSession(sessionId, RegistrationStatus.CONFIRMED);
        int in = (int) confirmed.stream().filter(Registration::isCheckedIn).count();
        if (limit == 0 || confirmed.isEmpty()) {
            return new Roster(confirmed.size(), in, List.of());
        }
        Map<String, Participant> byId = new HashMap<>();
        profiles.findAll(confirmed.stream().map(Registration::participantId).distinct().toList())
                .forEach(p -> byId.put(p.id(), p));
        List<String> words = List.of(fold(query == null ? "" : query).split("\\s+")).stream()
                .filter(w -> !w.isEmpty()).toList();
        List<Person> people = confirmed.stream()
                .map(r -> new Matchable(r, byId.get(r.participantId())))
                .filter(m -> words.stream().allMatch(m.text()::contains))
                .sorted(Comparator.comparing(Matchable::sortName))
                .limit(limit)
                .map(m -> new Person(m.registration().id(), m.registration().participantId(), m.name(),
                        m.registration().seatMode().name(), m.registration().checkedInAt()))
                .toList();
        return new Roster(confirmed.size(), in, people);
    }

    private record Matchable(Registration registration, Participant profile) {

        String name() {
            return profile == null || profile.name() == null ? registration.participantId() : profile.name();
        }

        String sortName() {
            return fold(name());
        }

        String text() {
            return fold(name() + " " + (profile == null || profile.email() == null ? "" : profile.email()));
        }
    }

    private static String fold(String s) {
        return Normalizer.normalize(s, Normalizer.Form.NFD).replaceAll("\\p{M}", "").toLowerCase(Locale.ROOT);
    }
}
