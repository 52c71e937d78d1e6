package org.eduweek.gateway.config;

import java.util.Map;

import org.eduweek.platform.secrets.SecretsGuard;
import org.springframework.beans.factory.config.BeanFactoryPostProcessor;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.context.EnvironmentAware;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.PriorityOrdered;
import org.springframework.core.env.Environment;

/**
 * Refuses to start outside the local profile while the portal's sign-in is on ({@code OIDC_ISSUER_URI} set) and its
 * client secret ({@code OIDC_CLIENT_SECRET}) is missing, a public development value
 * or too short: anyone holding it can redeem codes as the portal. Checked before any bean is created, with the
 * services' rule ({@link SecretsGuard}); the failure is one line naming the variable.
 */
@Configuration(proxyBeanMethods = false)
public class GatewaySecretsConfiguration {

    @Bean
    static BeanFactoryPostProcessor gatewaySecretsGuard() {
        return new Check();
    }

    static void check(Environment env) {
        if (!env.getProperty("eduweek.security.oidc.issuer-uri", "").isBlank()) {
            SecretsGuard.check(env, Map.of("OIDC_CLIENT_SECRET",
                    env.getProperty("eduweek.security.oidc.client-secret", "")));
        }
    }

    private static final class Check implements BeanFactoryPostProcessor, EnvironmentAware, PriorityOrdered {

        private Environment env;

        @Override
        public void setEnvironment(Environment environment) {
            this.env = environment;
        }

        /** Before any other post-processor, some of which create beans. */
        @Override
        public int getOrder() {
            return Ordered.HIGHEST_PRECEDENCE;
        }

        @Override
        public void postProcessBeanFactory(ConfigurableListableBeanFactory beanFactory) {
            check(env);
        }
    }
}
