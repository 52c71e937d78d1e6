package org.eduweek.local.keycloak;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.List;
import java.util.Properties;

/**
 * One Keycloak instance's home under the data folder ({@code <data>/keycloak/}): its own {@code data/} (the H2 file
 * with users and sessions, the realm to import, transaction logs), its own copy of {@code bin/kc.sh} (which takes its
 * home from where it lies) and links to the shared, built distribution for everything read-only ({@code lib},
 * {@code themes}, {@code providers}, {@code conf}). Also the instance's local secrets, made once and kept: the
 * admin console password and the portal client's secret.
 */
public final class KeycloakHome {

    static final String ADMIN_USER = "admin";
    private static final String ACCOUNTS_SECRET = "accounts.client.secret";
    private static final List<String> SHARED = List.of("lib", "themes", "providers", "conf", "version.txt");
    private static final SecureRandom RANDOM = new SecureRandom();

    private final Path dir;
    private final String adminPassword;
    private final String clientSecret;
    private final String accountsClientSecret;

    private KeycloakHome(Path dir, String adminPassword, String clientSecret, String accountsClientSecret) {
        this.dir = dir;
        this.adminPassword = adminPassword;
        this.clientSecret = clientSecret;
        this.accountsClientSecret = accountsClientSecret;
    }

    /** Lays the home out (again: links follow the distribution when its version changes) and reads its secrets. */
    public static KeycloakHome prepare(Path dir, KeycloakDistribution distribution) throws IOException {
        Files.createDirectories(dir.resolve("bin"));
        Files.createDirectories(dir.resolve("data").resolve("import"));
        Files.copy(distribution.home().resolve("bin/kc.sh"), dir.resolve("bin/kc.sh"),
                StandardCopyOption.REPLACE_EXISTING);
        Files.setPosixFilePermissions(dir.resolve("bin/kc.sh"), PosixFilePermissions.fromString("rwxr-xr-x"));
        for (String name : SHARED) {
            Path link = dir.resolve(name);
            Path target = distribution.home().resolve(name);
            if (Files.isSymbolicLink(link) && Files.readSymbolicLink(link).equals(target)) {
                continue;
            }
            Files.deleteIfExists(link);
            if (Files.exists(target, LinkOption.NOFOLLOW_LINKS)) {
                Files.createSymbolicLink(link, target);
            }
        }
        try (InputStream realm = KeycloakHome.class.getResourceAsStream("/keycloak/eduweek-realm.json")) {
            if (realm == null) {
                throw new IllegalStateException("The launcher was built without keycloak/eduweek-realm.json");
            }
            Files.copy(realm, dir.resolve("data/import/eduweek-realm.json"), StandardCopyOption.REPLACE_EXISTING);
        }
        Properties secrets = secrets(dir);
        return new KeycloakHome(dir, secrets.getProperty("admin.password"), secrets.getProperty("portal.client.secret"),
                secrets.getProperty(ACCOUNTS_SECRET));
    }

    /**
     * The secret of registration-service's service-account client for the Keycloak home {@code dir}, made if it is
     * not there yet: the launcher hands it to the service, which may start before Keycloak does.
     */
    public static String accountsClientSecret(Path dir) throws IOException {
        Files.createDirectories(dir);
        return secrets(dir).getProperty(ACCOUNTS_SECRET);
    }

    /** Read, and completed with whatever is missing (a data folder made before a secret was added gets it now). */
    private static synchronized Properties secrets(Path dir) throws IOException {
        Path file = dir.resolve("eduweek-local.properties");
        Properties p = new Properties();
        if (Files.isRegularFile(file)) {
            try (InputStream in = Files.newInputStream(file)) {
                p.load(in);
            }
        }
        if (p.getProperty("admin.password") == null || p.getProperty("portal.client.secret") == null
                || p.getProperty(ACCOUNTS_SECRET) == null) {
            p.putIfAbsent("admin.password", random(18));
            p.putIfAbsent("portal.client.secret", random(32));
            p.putIfAbsent(ACCOUNTS_SECRET, random(32));
            Files.deleteIfExists(file);
            Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            try (var out = Files.newOutputStream(file)) {
                p.store(out, "Local Keycloak: the admin console's password (user admin), the eduweek-portal client's"
                        + " secret and the eduweek-registration-admin client's secret, made for this data folder");
            }
        }
        return p;
    }

    private static String random(int bytes) {
        byte[] b = new byte[bytes];
        RANDOM.nextBytes(b);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(b);
    }

    public Path dir() {
        return dir;
    }

    public Path kcSh() {
        return dir.resolve("bin/kc.sh");
    }

    public String adminPassword() {
        return adminPassword;
    }

    public String clientSecret() {
        return clientSecret;
    }

    public String accountsClientSecret() {
        return accountsClientSecret;
    }
}
