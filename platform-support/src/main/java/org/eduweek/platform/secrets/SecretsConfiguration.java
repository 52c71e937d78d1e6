package org.eduweek.platform.secrets;

import org.springframework.beans.factory.InitializingBean;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;

/** Checks the service's secrets while its context starts, before it takes requests or events ({@link SecretsGuard}). */
@AutoConfiguration
public class SecretsConfiguration {

    @Bean
    static InitializingBean secretsGuard(Environment env) {
        return () -> SecretsGuard.check(env);
    }
}
