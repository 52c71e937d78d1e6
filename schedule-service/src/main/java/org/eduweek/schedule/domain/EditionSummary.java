package org.eduweek.schedule.domain;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.eduweek.schedule.store.Repositories;

import org.springframework.stereotype.Component;

/** The figures an events office reports for an edition, computed from the published programme. */
@Component
public class EditionSummary {

    private final Repositories.Tracks tracks;
    private final Repositories.Activities activities;
    private final Programme programme;

    public EditionSummary(Repositories.Tracks tracks, Repositories.Activities activities, Programme programme) {
        this.tracks = tracks;
        this.activities = activities;
        this.programme = programme;
    }

    /**
     * @param programmePresentationSessions published sessions of PROGRAMME_PRESENTATION activities (2020: 33)
     * @param assumedTracks titles of tracks whose names the sources do not give
     */
    public record Figures(String editionId, LocalDate startDate, LocalDate endDate, String timeZone,
            List<String> campuses, int tracks, List<String> assumedTracks, int activities,
            Map<String, Long> activitiesByCategory, Map<String, Long> activitiesByType, int sessions,
            Map<String, Long> sessionsByCategory, Map<String, Long> sessionsByMode,
            long programmePresentationSessions, long culturalActivities, long teacherTrainingCourses, long forums) {
    }

    public Figures of(Edition edition) {
        List<Track> ts = tracks.findByEditionIdOrderByPosition(edition.id());
        List<Activity> as = activities.findByEditionId(edition.id());
        Map<String, Activity> byId = as.stream().collect(Collectors.toMap(Activity::id, Function.identity()));
        List<Programme.Entry> live = programme.search(ProgrammeFilter.liveOf(edition.id()));
        Map<String, Long> activitiesByCategory = count(as, a -> a.category().name());
        Map<String, Long> sessionsByCategory = count(live, e -> {
            Activity a = byId.get(e.data().activityId());
            return a == null ? ActivityCategory.OTHER.name() : a.category().name();
        });
        return new Figures(edition.id(), edition.startDate(), edition.endDate(), edition.timeZone(),
                edition.campuses(), ts.size(), ts.stream().filter(Track::assumed).map(t -> t.title().in("en")).toList(),
                as.size(), activitiesByCategory, count(as, a -> a.type().name()), live.size(), sessionsByCategory,
                count(live, e -> e.data().mode().name()),
                sessionsByCategory.getOrDefault(ActivityCategory.PROGRAMME_PRESENTATION.name(), 0L),
                activitiesByCategory.getOrDefault(ActivityCategory.CULTURAL.name(), 0L),
                activitiesByCategory.getOrDefault(ActivityCategory.TEACHER_TRAINING.name(), 0L),
                activitiesByCategory.getOrDefault(ActivityCategory.FORUM.name(), 0L));
    }

    private static <T> Map<String, Long> count(List<T> items, Function<T, String> key) {
        return items.stream().collect(Collectors.groupingBy(key, TreeMap::new, Collectors.counting()));
    }
}
