package org.eduweek.schedule.seed;

import java.time.Duration;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param enabled load the 2020 edition at start-up when it is not there yet (the local profile turns this on)
 * @param demoRebase shift the whole programme by whole days so it starts tomorrow (edition zone), and move one demo
 *                   session to start {@code demoSoon} from now, so reminders can be watched live
 * @param demoSoon how far ahead the demo session starts (rounded up to 5 minutes)
 * @param file the seed file (classpath: or file: resource)
 * @param team the seed edition's first team, set when its team is empty (at every start, so an ADMIN's later changes
 *             stay); none by default, which leaves the seed edition to ADMINs
 */
@ConfigurationProperties("eduweek.seed")
public record SeedProperties(boolean enabled, boolean demoRebase, Duration demoSoon, String file,
        List<Member> team) {

    /** @param subject the organizer's token subject ({@code sub}) */
    public record Member(String subject, String name, String email) {
    }

    public SeedProperties {
        team = team == null ? List.of() : List.copyOf(team);
        demoSoon = demoSoon == null ? Duration.ofMinutes(45) : demoSoon;
        file = file == null || file.isBlank() ? "classpath:seed/iew-2020.json" : file;
    }
}
