package org.eduweek.schedule.web;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;

import org.eduweek.schedule.domain.Bilingual;

/** A bilingual text in a request: {@code {"en":"…","zh":"…"}}, or a plain string taken as English. */
public record TextInput(String en, String zh) {

    @JsonCreator(mode = JsonCreator.Mode.PROPERTIES)
    public TextInput(@JsonProperty("en") String en, @JsonProperty("zh") String zh) {
        this.en = en;
        this.zh = zh;
    }

    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    public static TextInput of(String english) {
        return new TextInput(english, null);
    }

    public static Bilingual toDomain(TextInput t) {
        return t == null ? null : new Bilingual(t.en(), t.zh());
    }
}
