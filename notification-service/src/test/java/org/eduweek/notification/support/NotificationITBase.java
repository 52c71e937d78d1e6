package org.eduweek.notification.support;

import java.time.Clock;
import java.time.Instant;

import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import org.eduweek.platform.security.EduweekSecurityProperties;
import org.eduweek.platform.security.JwtSecurityConfiguration;
import org.eduweek.platform.teams.EditionTeam;
import org.eduweek.platform.teams.EditionTeamReplica;
import org.eduweek.platform.teams.TeamMember;
import org.eduweek.platform.testing.MutableClock;
import org.eduweek.platform.testing.TestInfrastructure;
import org.eduweek.platform.testing.TestTokens;

/**
 * One Spring context shared by every IT (same configuration = cached): real Kafka and MongoDB from
 * {@link TestInfrastructure}, GreenMail as the SMTP server, WireMock as the SMS provider, and a clock that moves only
 * when a test moves it. Tests isolate themselves with their own session, participant and phone ids.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "server.address=127.0.0.1",
        "eduweek.notification.delivery.poll-interval=PT0.05S",
        // long enough that a test publishing the contact right after the registration never sees it parked
        "eduweek.notification.delivery.contact-wait=PT8S",
        "eduweek.notification.sms.rate-per-second=200",
        "eduweek.outbox.sweep-interval=PT0.5S" })
@Import(NotificationITBase.TestBeans.class)
public abstract class NotificationITBase {

    /** 10:00 in Shanghai: daytime, outside quiet hours. */
    public static final Instant START = Instant.parse("2026-12-01T02:00:00Z");
    public static final MutableClock CLOCK = new MutableClock(START);

    @Autowired
    protected Fixtures fixtures;

    @Autowired
    protected EditionTeamReplica teams;

    /** Puts these organizers on the edition's team, as schedule-service's team record would tell this service. */
    protected void onTeam(String editionId, String... subjects) {
        long version = teams.find(editionId).map(t -> t.version() + 1).orElse(1L);
        teams.apply(new EditionTeam(editionId, version, java.util.Arrays.stream(subjects)
                .map(s -> new TeamMember(s, s, null, "admin", START)).toList(), START));
    }

    /**
     * Tests share one clock that only moves forward; each starts in Shanghai daytime (08:00-18:00) so that SMS quiet
     * hours apply only where a test asks for them.
     */
    @BeforeEach
    void daytimeInShanghai() {
        java.time.ZonedDateTime local = CLOCK.instant().atZone(java.time.ZoneId.of("Asia/Shanghai"));
        if (local.getHour() < 8 || local.getHour() >= 18) {
            java.time.ZonedDateTime ten = local.withHour(10).withMinute(0).withSecond(0).withNano(0);
            CLOCK.set((ten.isAfter(local) ? ten : ten.plusDays(1)).toInstant());
        }
    }

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry r) {
        TestInfrastructure.register(r, "eduweek-notification-it");
        r.add("spring.mail.host", () -> "127.0.0.1");
        r.add("spring.mail.port", TestMail::port);
        r.add("eduweek.sms-provider.url", TestSms::url);
    }

    @TestConfiguration(proxyBeanMethods = false)
    static class TestBeans {

        @Bean
        @Primary
        Clock testClock() {
            return CLOCK;
        }

        @Bean
        JwtDecoder jwtDecoder(EduweekSecurityProperties props) {
            NimbusJwtDecoder d = TestTokens.decoder();
            d.setJwtValidator(JwtSecurityConfiguration.validator(props));
            return d;
        }

        @Bean
        Fixtures fixtures() {
            return new Fixtures(CLOCK);
        }
    }
}
