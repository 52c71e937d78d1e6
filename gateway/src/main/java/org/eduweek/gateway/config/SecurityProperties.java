package org.eduweek.gateway.config;

import org.springframework.boot.context.properties.ConfigurationProperties;

/** Same keys as the servlet services (platform-support) so one set of env vars configures every process. */
@ConfigurationProperties("eduweek.security")
public record SecurityProperties(String jwkSetUri, String issuer, String audience) {
}
