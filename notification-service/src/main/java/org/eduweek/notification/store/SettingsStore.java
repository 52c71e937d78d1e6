package org.eduweek.notification.store;

import java.time.Duration;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

import org.eduweek.notification.config.NotificationProperties;
import org.eduweek.notification.domain.EditionSettings;
import org.eduweek.notification.domain.Preferences;
import org.eduweek.notification.domain.ReplicaCache;

@Component
public class SettingsStore {

    private final MongoTemplate mongo;
    private final NotificationProperties props;
    /** Most participants never set preferences: the defaults are cached as well, until a save replaces them. */
    private final ReplicaCache<Preferences> preferences;
    private final ReplicaCache<EditionSettings> editions;

    public SettingsStore(MongoTemplate mongo, NotificationProperties props,
            @Value("${eduweek.notification.cache.ttl:PT5S}") Duration ttl,
            @Value("${eduweek.notification.cache.max-entries:50000}") long maxEntries) {
        this.mongo = mongo;
        this.props = props;
        this.preferences = new ReplicaCache<>(ttl, maxEntries);
        this.editions = new ReplicaCache<>(ttl, maxEntries);
    }

    public Preferences preferences(String participantId) {
        return preferences.get(participantId, id -> {
            Preferences p = mongo.findById(id, Preferences.class);
            return p == null ? Preferences.defaults(id) : p;
        });
    }

    public Preferences save(Preferences p) {
        Preferences saved = mongo.save(p);
        preferences.put(saved.participantId(), saved);
        return saved;
    }

    public EditionSettings edition(String editionId) {
        if (editionId == null) {
            return defaults(null);
        }
        return editions.get(editionId, id -> {
            EditionSettings s = mongo.findById(id, EditionSettings.class);
            return s != null ? s : defaults(id);
        });
    }

    private EditionSettings defaults(String editionId) {
        return new EditionSettings(editionId, props.reminders().email(), props.reminders().sms(), null, null);
    }

    public EditionSettings save(EditionSettings s) {
        EditionSettings saved = mongo.save(s);
        editions.put(saved.editionId(), saved);
        return saved;
    }
}
