package org.eduweek.schedule.domain;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/** What a SessionChanged event says changed; consumers (notifications) decide whom to tell by these names. */
public enum Change {
    TIME, VENUE, MODE, LINK, CAPACITY, TITLE, DESCRIPTION, AUDIENCE, LEVEL, LANGUAGE, SPEAKERS, INSTITUTIONS, ACTIVITY;

    /** The changes from {@code before} to {@code after}, in declaration order (stable for tests and readers). */
    public static List<Change> between(SessionData before, SessionData after) {
        List<Change> changes = new ArrayList<>();
        add(changes, TIME, !Objects.equals(before.start(), after.start()) || !Objects.equals(before.end(), after.end())
                || !Objects.equals(before.timeZone(), after.timeZone()));
        add(changes, VENUE, !Objects.equals(before.venue(), after.venue()));
        add(changes, MODE, before.mode() != after.mode());
        add(changes, LINK, !Objects.equals(before.joinLink(), after.joinLink()));
        add(changes, CAPACITY, !Objects.equals(before.capacity(), after.capacity()));
        add(changes, TITLE, !Objects.equals(before.title(), after.title()));
        add(changes, DESCRIPTION, !Objects.equals(before.description(), after.description()));
        add(changes, AUDIENCE, !Objects.equals(before.audience(), after.audience()));
        add(changes, LEVEL, !Objects.equals(before.level(), after.level()));
        add(changes, LANGUAGE, !Objects.equals(before.language(), after.language()));
        add(changes, SPEAKERS, !Objects.equals(before.speakerIds(), after.speakerIds()));
        add(changes, INSTITUTIONS, !Objects.equals(before.institutionIds(), after.institutionIds()));
        add(changes, ACTIVITY, !Objects.equals(before.activityId(), after.activityId())
                || !Objects.equals(before.trackId(), after.trackId()));
        return changes;
    }

    private static void add(List<Change> changes, Change change, boolean differs) {
        if (differs) {
            changes.add(change);
        }
    }
}
