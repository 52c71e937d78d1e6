package org.eduweek.gateway.config;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

import org.eduweek.platform.tokens.TokenRules;

/** Same keys as the servlet services (platform-support) so one set of env vars configures every process. */
@ConfigurationProperties("eduweek.security")
public record SecurityProperties(String jwkSetUri, String issuer, String audience, Duration maxLifetime) {

    public SecurityProperties {
        maxLifetime = maxLifetime == null ? TokenRules.DEFAULT_MAX_LIFETIME : maxLifetime;
    }
}
