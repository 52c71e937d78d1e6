package org.eduweek.registration.domain;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;
import java.util.regex.Pattern;

import org.springframework.stereotype.Service;

import org.eduweek.registration.store.CalendarFeedStore;
import org.eduweek.registration.store.CalendarFeedStore.Feed;

/**
 * Per-person secrets that let calendar apps subscribe to a participant's registrations without a token: 256
 * random bits in the URL, of which only a SHA-256 is stored (a fast hash is enough for a secret that cannot be
 * guessed; a copy of the database then opens no feed). A new secret replaces the old one; revoking removes it.
 */
@Service
public class CalendarFeeds {

    /** 32 bytes in unpadded base64url. */
    private static final Pattern TOKEN = Pattern.compile("[A-Za-z0-9_-]{43}");

    private final CalendarFeedStore store;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    public CalendarFeeds(CalendarFeedStore store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    /** A new secret and when it was made; the participant's previous one stops working. */
    public record Issued(String token, Instant createdAt) {
    }

    public Issued issue(String participantId) {
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        Instant now = clock.instant();
        store.replace(new Feed(participantId, hash(token), now));
        return new Issued(token, now);
    }

    /** When the participant's current feed was made, if there is one. */
    public Optional<Instant> activeSince(String participantId) {
        return store.ofParticipant(participantId).map(Feed::createdAt);
    }

    /** @return whether there was a feed to revoke */
    public boolean revoke(String participantId) {
        return store.remove(participantId);
    }

    /** Whose feed {@code token} opens, if any. */
    public Optional<String> participantOf(String token) {
        if (token == null || !TOKEN.matcher(token).matches()) {
            return Optional.empty();
        }
        String hash = hash(token);
        return store.byTokenHash(hash)
                .filter(feed -> MessageDigest.isEqual(feed.tokenHash().getBytes(StandardCharsets.US_ASCII),
                        hash.getBytes(StandardCharsets.US_ASCII)))
                .map(Feed::participantId);
    }

    static String hash(String token) {
        try {
            return HexFormat.of().formatHex(
                    MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.US_ASCII)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
