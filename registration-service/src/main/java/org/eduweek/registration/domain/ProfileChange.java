package org.eduweek.registration.domain;

/**
 * Self-service fields a participant may change; a null field stays as it is. Validated by {@link Profiles}.
 * {@code timeZone} is an IANA zone id (Asia/Shanghai); an empty string removes it.
 */
public record ProfileChange(String name, String email, String phone, String language, Boolean smsConsent,
        String audience, String affiliation, String country, String level, String timeZone) {
}
