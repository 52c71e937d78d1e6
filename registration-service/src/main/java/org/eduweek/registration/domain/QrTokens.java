package org.eduweek.registration.domain;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.springframework.stereotype.Component;

import org.eduweek.registration.config.RegistrationProperties;

/**
 * The text inside a registration's QR code: {@code EW1.<registrationId>.<sessionId>.<signature>}, the signature an
 * HMAC-SHA256 over the ids with the server's secret. A scanner cannot forge one for another registration, and the
 * token carries no personal data.
 */
@Component
public class QrTokens {

    private static final String PREFIX = "EW1";
    private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder B64D = Base64.getUrlDecoder();

    private final byte[] secret;

    public QrTokens(RegistrationProperties props) {
        this.secret = props.qrSecret().getBytes(StandardCharsets.UTF_8);
    }

    public record Claims(String registrationId, String sessionId) {
    }

    public String issue(String registrationId, String sessionId) {
        String body = enc(registrationId) + "." + enc(sessionId);
        return PREFIX + "." + body + "." + sign(body);
    }

    /** @return the ids, or null if the token is malformed or its signature is wrong */
    public Claims verify(String token) {
        if (token == null) {
            return null;
        }
        String[] parts = token.trim().split("\\.");
        if (parts.length != 4 || !PREFIX.equals(parts[0])) {
            return null;
        }
        String body = parts[1] + "." + parts[2];
        if (!MessageDigest.isEqual(sign(body).getBytes(StandardCharsets.US_ASCII),
                parts[3].getBytes(StandardCharsets.US_ASCII))) {
            return null;
        }
        try {
            return new Claims(dec(parts[1]), dec(parts[2]));
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private String sign(String body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret, "HmacSHA256"));
            return B64.encodeToString(mac.doFinal(body.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String enc(String s) {
        return B64.encodeToString(s.getBytes(StandardCharsets.UTF_8));
    }

    private static String dec(String s) {
        return new String(B64D.decode(s), StandardCharsets.UTF_8);
    }
}
