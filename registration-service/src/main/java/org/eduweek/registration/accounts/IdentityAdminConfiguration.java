package org.eduweek.registration.accounts;

import java.util.Map;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

import org.eduweek.platform.secrets.SecretsGuard;

/**
 * The account directory: Keycloak's admin API when {@code IDENTITY_ADMIN_URL} is set (its client secret then held to
 * the same rule as every secret outside the local profile), otherwise one that answers "unavailable" to every call,
 * so a run without an identity provider (e.g. {@code --no-keycloak}) serves everything else.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(IdentityAdminProperties.class)
class IdentityAdminConfiguration {

    @Bean(destroyMethod = "close")
    AccountDirectory accountDirectory(IdentityAdminProperties props, Environment env) {
        if (!props.configured()) {
            return new UnconfiguredAccountDirectory();
        }
        SecretsGuard.check(env, Map.of("IDENTITY_ADMIN_CLIENT_SECRET", props.clientSecret()));
        return new KeycloakAccountDirectory(props);
    }
}
