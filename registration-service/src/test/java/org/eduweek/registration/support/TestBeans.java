package org.eduweek.registration.support;

import org.springframework.boot.mongodb.autoconfigure.MongoClientSettingsBuilderCustomizer;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;

import org.eduweek.platform.security.EduweekSecurityProperties;
import org.eduweek.platform.security.JwtSecurityConfiguration;
import org.eduweek.platform.testing.MutableClock;
import org.eduweek.platform.testing.TestTokens;

/** Test tokens instead of the identity provider, a clock the tests can move, and a log of the MongoDB commands. */
@TestConfiguration(proxyBeanMethods = false)
class TestBeans {

    @Bean
    JwtDecoder jwtDecoder(EduweekSecurityProperties props) {
        NimbusJwtDecoder decoder = TestTokens.decoder();
        decoder.setJwtValidator(JwtSecurityConfiguration.validator(props));
        return decoder;
    }

    @Bean
    @Primary
    MutableClock testClock() {
        return MutableClock.followingSystemClock();
    }

    @Bean
    MongoCommandLog mongoCommandLog() {
        return new MongoCommandLog();
    }

    @Bean
    MongoClientSettingsBuilderCustomizer logMongoCommands(MongoCommandLog log) {
        return settings -> settings.addCommandListener(log);
    }
}
