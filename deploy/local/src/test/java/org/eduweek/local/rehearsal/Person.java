package org.eduweek.local.rehearsal;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A participant of the rehearsal: who they are (the token's claims and the profile they fill in) and what they told
 * the notification service (language override, channels switched off).
 */
public final class Person {

    final String sub;
    final String name;
    final String email;
    final String phone;
    final boolean phoneInToken;
    final boolean smsConsent;
    final String language;
    final String audience;
    final String country;
    final String affiliation;
    String preferredLanguage;
    boolean emailOn = true;
    boolean smsOn = true;
    String token;

    Person(String sub, String name, String email, String phone, boolean phoneInToken, boolean smsConsent,
            String language, String audience, String country, String affiliation) {
        this.sub = sub;
        this.name = name;
        this.email = email;
        this.phone = phone;
        this.phoneInToken = phoneInToken;
        this.smsConsent = smsConsent;
        this.language = language;
        this.audience = audience;
        this.country = country;
        this.affiliation = affiliation;
    }

    /** The language the notification service writes in: the preference's override, else the profile's. */
    public String messageLanguage() {
        return preferredLanguage != null ? preferredLanguage : language;
    }

    public boolean reachableBy(Channel channel) {
        return channel == Channel.EMAIL ? emailOn : smsOn && smsConsent && phone != null;
    }

    public boolean hasPreferences() {
        return preferredLanguage != null || !emailOn || !smsOn;
    }

    public Map<String, Object> tokenClaims() {
        Map<String, Object> claims = new LinkedHashMap<>();
        claims.put("sub", sub);
        claims.put("name", name);
        claims.put("email", email);
        if (phone != null && phoneInToken) {
            claims.put("phone_number", phone);
        }
        claims.put("locale", language);
        claims.put("roles", java.util.List.of("PARTICIPANT"));
        claims.put("ttlSeconds", 7200);
        return claims;
    }

    public Map<String, Object> profile() {
        Map<String, Object> profile = new LinkedHashMap<>();
        if (phone != null && !phoneInToken) {
            profile.put("phone", phone);
        }
        profile.put("smsConsent", smsConsent);
        profile.put("language", language);
        profile.put("audience", audience);
        profile.put("country", country);
        profile.put("affiliation", affiliation);
        return profile;
    }

    public Map<String, Object> preferences() {
        Map<String, Object> preferences = new LinkedHashMap<>();
        preferences.put("email", emailOn);
        preferences.put("sms", smsOn);
        preferences.put("language", preferredLanguage);
        return preferences;
    }

    public String sub() {
        return sub;
    }

    public String email() {
        return email;
    }

    public String phone() {
        return phone;
    }

    public String audience() {
        return audience;
    }

    public void signIn(String token) {
        this.token = token;
    }

    public String token() {
        return token;
    }

    @Override
    public String toString() {
        return sub + " (" + audience + ", " + language + (phone == null ? "" : smsConsent ? ", SMS" : ", phone only")
                + (hasPreferences() ? ", prefers " + preferences() : "") + ")";
    }
}
