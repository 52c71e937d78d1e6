package org.eduweek.local.stack;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.text.ParseException;
import java.time.Instant;
import java.util.Arrays;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;

/**
 * The dev identity provider: one RS256 key pair kept in {@code <data>/idp/signing-key.jwk.json} (so tokens issued before
 * a restart stay valid), its public JWK set, and demo tokens with the claims of docs/CONTRACTS.md.
 */
public final class DevIdentityProvider {

    public static final String AUDIENCE = "eduweek";
    static final Set<String> ROLES = Set.of("PARTICIPANT", "ORGANIZER", "ADMIN");
    private static final Set<String> LOCALES = Set.of("en", "zh");
    private static final Pattern E164 = Pattern.compile("\\+[1-9][0-9]{6,14}");
    private static final Pattern SUBJECT = Pattern.compile("[A-Za-z0-9._@:-]{1,128}");
    static final int DEFAULT_TTL = 3600;
    static final int MAX_TTL = 86_400;

    /** Body of {@code POST /api/auth/dev-token}; every field optional. */
    public record TokenRequest(String sub, String name, String email, String phone_number, String locale,
            List<String> roles, Integer ttlSeconds) {
    }

    public record TokenResponse(String access_token, String token_type, long expires_in) {
    }

    private final RSAKey key;
    /**
     * One signer for every token (thread-safe): a new one per token would convert the JWK to a private key each time,
     * a large part of the cost of minting a token (the registration benchmark mints 1,000 at once).
     */
    private final RSASSASigner signer;
    private final String issuer;

    private DevIdentityProvider(RSAKey key, String issuer) {
        this.key = key;
        this.issuer = issuer;
        try {
            this.signer = new RSASSASigner(key);
        } catch (JOSEException e) {
            throw new IllegalStateException("Unusable dev signing key " + key.getKeyID(), e);
        }
    }

    public static DevIdentityProvider open(Path dir, String issuer) throws IOException {
        Files.createDirectories(dir);
        Path file = dir.resolve("signing-key.jwk.json");
        if (Files.exists(file)) {
            try {
                return new DevIdentityProvider(RSAKey.parse(Files.readString(file, StandardCharsets.UTF_8)), issuer);
            } catch (ParseException e) {
                throw new IllegalStateException("Unreadable dev signing key " + file + "; delete it or use --reset", e);
            }
        }
        RSAKey key = generate();
        Path tmp = dir.resolve("signing-key.jwk.json.tmp");
        Files.writeString(tmp, key.toJSONString(), StandardCharsets.UTF_8);
        Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE);
        return new DevIdentityProvider(key, issuer);
    }

    public String issuer() {
        return issuer;
    }

    public String jwkSetJson() {
        return new JWKSet(key.toPublicJWK()).toString();
    }

    public TokenResponse issue(TokenRequest request) {
        TokenRequest r = request == null ? new TokenRequest(null, null, null, null, null, null, null) : request;
        List<String> roles = roles(r.roles());
        String sub = r.sub() == null || r.sub().isBlank()
                ? (roles.contains("ORGANIZER") ? "demo-organizer" : roles.contains("ADMIN") ? "demo-admin" : "demo-participant")
                : r.sub().trim();
        if (!SUBJECT.matcher(sub).matches()) {
            throw BadRequest.field("sub", "use 1-128 letters, digits or . _ @ : -");
        }
        String locale = r.locale() == null ? "en" : r.locale().trim().toLowerCase(Locale.ROOT);
        if (!LOCALES.contains(locale)) {
            throw BadRequest.field("locale", "must be en or zh");
        }
        if (r.phone_number() != null && !E164.matcher(r.phone_number()).matches()) {
            throw BadRequest.field("phone_number", "must be E.164, e.g. +8613800138000");
        }
        String email = r.email() == null ? sub.replace('@', '.') + "@example.edu" : r.email().trim();
        if (!email.matches("[^@\\s]+@[^@\\s]+\\.[^@\\s]+")) {
            throw BadRequest.field("email", "must be an email address");
        }
        int ttl = r.ttlSeconds() == null ? DEFAULT_TTL : r.ttlSeconds();
        if (ttl < 1 || ttl > MAX_TTL) {
            throw BadRequest.field("ttlSeconds", "must be between 1 and " + MAX_TTL);
        }
        Instant now = Instant.now();
        JWTClaimsSet.Builder claims = new JWTClaimsSet.Builder().subject(sub).issuer(issuer).audience(AUDIENCE)
                .issueTime(Date.from(now)).expirationTime(Date.from(now.plusSeconds(ttl)))
                .jwtID(UUID.randomUUID().toString())
                .claim("name", r.name() == null || r.name().isBlank() ? displayName(sub) : r.name().trim())
                .claim("email", email).claim("locale", locale).claim("roles", roles);
        if (r.phone_number() != null) {
            claims.claim("phone_number", r.phone_number());
        }
        return new TokenResponse(sign(claims.build()), "Bearer", ttl);
    }

    private static List<String> roles(List<String> requested) {
        if (requested == null || requested.isEmpty()) {
            return List.of("PARTICIPANT");
        }
        for (String role : requested) {
            if (role == null || !ROLES.contains(role.toUpperCase(Locale.ROOT))) {
                throw BadRequest.field("roles", "unknown role '" + role + "'; use PARTICIPANT, ORGANIZER or ADMIN");
            }
        }
        return requested.stream().map(r -> r.toUpperCase(Locale.ROOT)).distinct().toList();
    }

    static String displayName(String sub) {
        String local = sub.contains("@") ? sub.substring(0, sub.indexOf('@')) : sub;
        return Arrays.stream(local.split("[-_.]+")).filter(s -> !s.isEmpty())
                .map(s -> s.substring(0, 1).toUpperCase(Locale.ROOT) + s.substring(1))
                .collect(Collectors.joining(" "));
    }

    private String sign(JWTClaimsSet claims) {
        try {
            SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID())
                    .type(JOSEObjectType.JWT).build(), claims);
            jwt.sign(signer);
            return jwt.serialize();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    private static RSAKey generate() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            KeyPair pair = generator.generateKeyPair();
            return new RSAKey.Builder((RSAPublicKey) pair.getPublic()).privateKey((RSAPrivateKey) pair.getPrivate())
                    .keyUse(KeyUse.SIGNATURE).algorithm(JWSAlgorithm.RS256).keyID(UUID.randomUUID().toString())
                    .build();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
