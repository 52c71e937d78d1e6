package org.eduweek.registration.config;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param qrSecret HMAC key that signs QR check-in tokens ({@code EDUWEEK_QR_SECRET})
 * @param reconcileGrace how long a seat counter must be quiet before the reconciler may recompute it from the
 *        registrations (longer than any request takes between its two writes)
 * @param reconcileInterval how often the reconciler looks at the counters
 */
@ConfigurationProperties("eduweek.registration")
public record RegistrationProperties(String qrSecret, Duration reconcileGrace, Duration reconcileInterval) {

    public RegistrationProperties {
        qrSecret = qrSecret == null || qrSecret.isBlank() ? "dev-only-qr-secret-change-me" : qrSecret;
        reconcileGrace = reconcileGrace == null ? Duration.ofSeconds(30) : reconcileGrace;
        reconcileInterval = reconcileInterval == null ? Duration.ofSeconds(15) : reconcileInterval;
    }
}
