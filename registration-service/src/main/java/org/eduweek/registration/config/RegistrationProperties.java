package org.eduweek.registration.config;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param qrSecret HMAC key that signs QR check-in tokens ({@code EDUWEEK_QR_SECRET})
 * @param reconcileGrace how long a seat counter must be quiet before the reconciler may recompute it from the
 *        registrations (longer than any request takes between its two writes)
 * @param reconcileInterval how often the reconciler looks at the counters
 * @param sessionCacheTtl how long an instance keeps a session it read from the replica before reading it again
 *        (changes applied by another instance are seen after at most this long)
 */
@ConfigurationProperties("eduweek.registration")
public record RegistrationProperties(String qrSecret, Duration reconcileGrace, Duration reconcileInterval,
        Duration sessionCacheTtl) {

    public static final Duration SESSION_CACHE_TTL = Duration.ofSeconds(1);

    public RegistrationProperties {
        qrSecret = qrSecret == null || qrSecret.isBlank() ? "dev-only-qr-secret-change-me" : qrSecret;
        reconcileGrace = reconcileGrace == null ? Duration.ofSeconds(30) : reconcileGrace;
        reconcileInterval = reconcileInterval == null ? Duration.ofSeconds(15) : reconcileInterval;
        sessionCacheTtl = sessionCacheTtl == null ? SESSION_CACHE_TTL : sessionCacheTtl;
    }
}
