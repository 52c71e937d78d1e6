package org.eduweek.analytics.support;

import org.eduweek.platform.security.EduweekSecurityProperties;
import org.eduweek.platform.security.JwtSecurityConfiguration;
import org.eduweek.platform.testing.MutableClock;
import org.eduweek.platform.testing.TestTokens;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;

/** Test tokens instead of the identity provider, and a clock the tests move. */
@TestConfiguration
public class TestBeans {

    @Bean
    @Primary
    MutableClock testClock() {
        return new MutableClock(IntegrationTestSupport.START);
    }

    @Bean
    JwtDecoder jwtDecoder(EduweekSecurityProperties props) {
        NimbusJwtDecoder decoder = TestTokens.decoder();
        decoder.setJwtValidator(JwtSecurityConfiguration.validator(props));
        return decoder;
    }
}
