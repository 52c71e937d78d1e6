package org.eduweek.schedule.store;

import java.util.List;
import java.util.Optional;

import org.eduweek.schedule.domain.Activity;
import org.eduweek.schedule.domain.Edition;
import org.eduweek.schedule.domain.Institution;
import org.eduweek.schedule.domain.Release;
import org.eduweek.schedule.domain.Speaker;
import org.eduweek.schedule.domain.Track;
import org.eduweek.schedule.domain.Venue;

import org.springframework.data.mongodb.repository.MongoRepository;

/** Spring Data repositories for the reference entities (sessions go through {@link SessionStore}). */
public final class Repositories {

    private Repositories() {
    }

    public interface Editions extends MongoRepository<Edition, String> {
    }

    public interface Tracks extends MongoRepository<Track, String> {
        List<Track> findByEditionIdOrderByPosition(String editionId);
    }

    public interface Activities extends MongoRepository<Activity, String> {
        List<Activity> findByEditionId(String editionId);

        long countByTrackId(String trackId);
    }

    public interface Venues extends MongoRepository<Venue, String> {
        Optional<Venue> findFirstByCampusAndBuildingAndRoom(String campus, String building, String room);
    }

    public interface Institutions extends MongoRepository<Institution, String> {
    }

    public interface Speakers extends MongoRepository<Speaker, String> {
    }

    public interface Releases extends MongoRepository<Release, String> {
        Optional<Release> findFirstByEditionIdOrderByNumberDesc(String editionId);

        List<Release> findByEditionIdOrderByNumber(String editionId);
    }
}
