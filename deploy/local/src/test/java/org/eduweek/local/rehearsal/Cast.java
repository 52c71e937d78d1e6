package org.eduweek.local.rehearsal;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * The week's participants, shaped like 2020's: mostly students and new students, teachers and management staff of
 * the university, and external scholars from many countries (the online conference drew 350+ from 55); Chinese
 * and English speakers; some with a phone and SMS consent, some with a phone only. Generated from a fixed seed, so
 * every run has the same cast (only the addresses carry the run's id).
 */
public final class Cast {

    private static final String[] SCHOLAR_COUNTRIES = {"US", "GB", "DE", "AU", "JP", "FR", "RU", "KR", "CA", "NL",
            "IT", "BR", "IN", "ZA", "SG"};
    private static final String[] SCHOLAR_AFFILIATIONS = {"University of Maryland", "University of Edinburgh",
            "University of Melbourne", "TU Delft", "Osaka University", "Sorbonne University", "University of Toronto"};
    private static final String[] STUDENT_COUNTRIES = {"PK", "KZ", "RU", "NG", "TH"};
    private static final String[] SURNAMES = {"Wang", "Li", "Zhang", "Liu", "Chen", "Yang", "Zhao", "Huang", "Zhou",
            "Wu"};

    private Cast() {
    }

    public static List<Person> of(int size, String run) {
        List<Person> people = new ArrayList<>();
        for (int i = 0; i < size; i++) {
            String audience = i < size * 45 / 100 ? "STUDENT" : i < size * 59 / 100 ? "NEW_STUDENT"
                    : i < size * 75 / 100 ? "TEACHER" : i < size * 80 / 100 ? "MANAGEMENT_STAFF" : "EXTERNAL_SCHOLAR";
            boolean scholar = audience.equals("EXTERNAL_SCHOLAR");
            String language = scholar ? (i % 10 == 0 ? "zh" : "en") : (i % 5 == 0 ? "en" : "zh");
            String country = scholar ? SCHOLAR_COUNTRIES[i % SCHOLAR_COUNTRIES.length]
                    : "en".equals(language) ? STUDENT_COUNTRIES[i % STUDENT_COUNTRIES.length] : "CN";
            String affiliation = scholar ? SCHOLAR_AFFILIATIONS[i % SCHOLAR_AFFILIATIONS.length]
                    : "Beijing University of Technology";
            // three in five give a phone (half of them in the token, half in the profile); two in three of those
            // consent to SMS
            boolean phone = i % 5 < 3;
            String number = phone ? String.format("+86139%04d%04d", Integer.parseInt(run.substring(0, 4), 16) % 10_000,
                    i) : null;
            boolean consent = phone && i % 3 != 0;
            String sub = "iew-" + run + "-" + String.format("%03d", i);
            String name = SURNAMES[i % SURNAMES.length] + " " + audience.charAt(0) + String.format("%03d", i);
            people.add(new Person(sub, name, sub + "@rehearsal.example.edu", number, i % 2 == 0, consent, language,
                    audience, country, affiliation));
        }
        // a few tell the notification service what they want: another language, or one channel off
        preference(people, "zh", true, p -> p.preferredLanguage = "en");
        preference(people, "en", false, p -> p.preferredLanguage = "zh");
        preference(people, "zh", true, p -> p.smsOn = false);
        preference(people, "en", true, p -> p.emailOn = false);
        return people;
    }

    /** The first participant of that language (and with SMS consent, if asked) without a preference yet. */
    private static void preference(List<Person> people, String language, boolean withSms,
            java.util.function.Consumer<Person> change) {
        people.stream().filter(p -> p.language.equals(language) && (!withSms || p.smsConsent) && !p.hasPreferences())
                .findFirst().ifPresent(change);
    }

    /**
     * Who registers where: each session gets its quota of eligible participants (the small ones far more than their
     * seats), at most one session per time slot each (the registration service refuses overlaps), then everyone
     * without a session takes an open one. Hybrid sessions get every third registrant online.
     */
    public static List<Registration> registrations(List<Person> people, List<Session> sessions,
            Map<Session, Integer> quotas, Map<Session, String> slots) {
        Random random = new Random(2020);
        Map<Person, List<String>> taken = new HashMap<>();
        people.forEach(p -> taken.put(p, new ArrayList<>()));
        List<Registration> plan = new ArrayList<>();
        Map<Session, Integer> counts = new LinkedHashMap<>();
        List<Session> byEligible = new ArrayList<>(sessions);
        byEligible.sort(Comparator.comparingLong(s -> people.stream().filter(s::admits).count()));
        for (Session s : byEligible) {
            List<Person> candidates = new ArrayList<>(people.stream().filter(s::admits)
                    .filter(p -> !taken.get(p).contains(slots.get(s))).toList());
            Collections.shuffle(candidates, random);
            candidates.sort(Comparator.comparingInt(p -> taken.get(p).size()));
            for (Person p : candidates.subList(0, Math.min(quotas.get(s), candidates.size()))) {
                plan.add(seat(p, s, counts));
                taken.get(p).add(slots.get(s));
            }
        }
        for (Person p : people) {
            if (taken.get(p).isEmpty()) {
                Session open = sessions.stream().filter(s -> s.admits(p) && s.online > 20).findFirst().orElseThrow();
                plan.add(seat(p, open, counts));
                taken.get(p).add(slots.get(open));
            }
        }
        Collections.shuffle(plan, random);
        return plan;
    }

    private static Registration seat(Person p, Session s, Map<Session, Integer> counts) {
        int n = counts.merge(s, 1, Integer::sum);
        String mode = s.seatModes().size() == 1 ? s.seatModes().get(0) : n % 3 == 0 ? "ONLINE" : "IN_PERSON";
        return new Registration(p, s, mode);
    }
}
