package org.eduweek.notification.domain;

import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

import org.eduweek.notification.config.NotificationProperties;

@Component
public class SettingsStore {

    private final MongoTemplate mongo;
    private final NotificationProperties props;

    public SettingsStore(MongoTemplate mongo, NotificationProperties props) {
        this.mongo = mongo;
        this.props = props;
    }

    public Preferences preferences(String participantId) {
        Preferences p = mongo.findById(participantId, Preferences.class);
        return p == null ? Preferences.defaults(participantId) : p;
    }

    public Preferences save(Preferences p) {
        return mongo.save(p);
    }

    public EditionSettings edition(String editionId) {
        EditionSettings s = editionId == null ? null : mongo.findById(editionId, EditionSettings.class);
        return s != null ? s
                : new EditionSettings(editionId, props.reminders().email(), props.reminders().sms(), null, null);
    }

    public EditionSettings save(EditionSettings s) {
        return mongo.save(s);
    }
}
