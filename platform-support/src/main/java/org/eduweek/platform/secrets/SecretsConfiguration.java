package org.eduweek.platform.secrets;

import org.springframework.beans.factory.config.BeanFactoryPostProcessor;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.context.EnvironmentAware;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;

/**
 * Checks the service's secrets ({@link SecretsGuard}) before any bean is created: nothing connects to a store or a
 * broker, and nothing serves, with a secret anyone can know.
 */
@AutoConfiguration
public class SecretsConfiguration {

    @Bean
    static BeanFactoryPostProcessor secretsGuard() {
        return new Check();
    }

    private static final class Check implements BeanFactoryPostProcessor, EnvironmentAware {

        private Environment env;

        @Override
        public void setEnvironment(Environment environment) {
            this.env = environment;
        }

        @Override
        public void postProcessBeanFactory(
                org.springframework.beans.factory.config.ConfigurableListableBeanFactory beanFactory) {
            SecretsGuard.check(env);
        }
    }
}
