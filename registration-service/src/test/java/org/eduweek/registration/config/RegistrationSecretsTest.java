package org.eduweek.registration.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.io.ClassPathResource;

import org.eduweek.platform.secrets.SecretsGuard;

/**
 * This service's own configuration names its secret for the start-up check: outside the local profile it does not
 * start on the public development value, and starts on a real secret.
 */
class RegistrationSecretsTest {

    private static StandardEnvironment environment(String profile, Map<String, Object> variables) throws Exception {
        StandardEnvironment env = new StandardEnvironment();
        env.getPropertySources().addFirst(new MapPropertySource("variables", Map.copyOf(variables)));
        new YamlPropertySourceLoader().load("application.yml", new ClassPathResource("application.yml"))
                .forEach(env.getPropertySources()::addLast);
        env.setActiveProfiles(profile);
        return env;
    }

    @Test
    void refusesToStartOutsideLocalOnTheDevelopmentValueNamingTheVariable() throws Exception {
        assertThatThrownBy(() -> SecretsGuard.check(environment("prod", Map.of())))
                .isInstanceOf(SecretsGuard.WeakSecretException.class)
                .hasMessageStartingWith("EDUWEEK_QR_SECRET holds the public development value");
        assertThatThrownBy(() -> SecretsGuard.check(environment("prod", Map.of("EDUWEEK_QR_SECRET", "short"))))
                .hasMessageStartingWith("EDUWEEK_QR_SECRET is shorter than");
    }

    @Test
    void startsOnARealSecretAndLocallyOnTheDevelopmentValue() throws Exception {
        SecretsGuard.check(environment("prod", Map.of("EDUWEEK_QR_SECRET", "k7Qw9Zr2Lx8Vn4Tb6Yp1Hs3Jd5Fg0Mc2Ae7Ru9Wo")));
        SecretsGuard.check(environment("local", Map.of()));
        assertThat(environment("prod", Map.of()).getProperty("eduweek.secrets.EDUWEEK_QR_SECRET")).isNotBlank();
    }
}
