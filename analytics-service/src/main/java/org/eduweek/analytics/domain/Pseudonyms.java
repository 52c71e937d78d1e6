package org.eduweek.analytics.domain;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Arrays;
import java.util.Base64;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Participant ids never enter analytics: they become HMAC-SHA256(secret, participantId), truncated to 128 bits.
 * Stable for distinct counts, not reversible without the secret (unlike a plain hash of a guessable id).
 */
public final class Pseudonyms {

    private final SecretKeySpec key;

    public Pseudonyms(String secret) {
        this.key = new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256");
    }

    public String of(String participantId) {
        if (participantId == null) {
            return null;
        }
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            byte[] digest = mac.doFinal(participantId.getBytes(StandardCharsets.UTF_8));
            return "p-" + Base64.getUrlEncoder().withoutPadding().encodeToString(Arrays.copyOf(digest, 16));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 unavailable", e);
        }
    }
}
