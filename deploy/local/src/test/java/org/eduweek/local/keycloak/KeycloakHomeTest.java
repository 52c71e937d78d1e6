package org.eduweek.local.keycloak;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.eduweek.local.DataFolder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The cached distribution and the instance homes that share it, on a miniature zip shaped like Keycloak's. */
class KeycloakHomeTest {

    @TempDir
    Path dir;

    private Path zip() throws IOException {
        Path zip = dir.resolve("keycloak-quarkus-dist-0.0.1.zip");
        try (ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(zip))) {
            entry(out, "keycloak-0.0.1/bin/kc.sh", "#!/bin/sh\necho kc\n");
            entry(out, "keycloak-0.0.1/lib/quarkus-run.jar", "jar");
            entry(out, "keycloak-0.0.1/conf/keycloak.conf", "# defaults\n");
            entry(out, "keycloak-0.0.1/themes/README.md", "themes");
            entry(out, "keycloak-0.0.1/providers/README.md", "providers");
            entry(out, "keycloak-0.0.1/version.txt", "Keycloak - Version 0.0.1");
        }
        return zip;
    }

    private static void entry(ZipOutputStream out, String name, String text) throws IOException {
        out.putNextEntry(new ZipEntry(name));
        out.write(text.getBytes(StandardCharsets.UTF_8));
        out.closeEntry();
    }

    @Test
    void unpacksWithoutTheTopFolderAndKeepsTheScriptsExecutable() throws IOException {
        Path home = dir.resolve("cache/keycloak-0.0.1");
        Files.createDirectories(home.getParent());
        KeycloakDistribution.unzip(zip(), home);

        assertThat(home.resolve("lib/quarkus-run.jar")).exists();
        assertThat(Files.getPosixFilePermissions(home.resolve("bin/kc.sh")))
                .contains(PosixFilePermission.OWNER_EXECUTE);
        assertThat(home.resolveSibling("keycloak-0.0.1.partial")).doesNotExist();
    }

    @Test
    void anInstanceHomeLinksTheSharedPartsAndKeepsItsOwnDataAndSecrets() throws IOException {
        Path cached = dir.resolve("cache/keycloak-0.0.1");
        Files.createDirectories(cached.getParent());
        KeycloakDistribution.unzip(zip(), cached);
        KeycloakDistribution distribution = distribution(cached);

        KeycloakHome first = KeycloakHome.prepare(dir.resolve("data/keycloak"), distribution);
        KeycloakHome again = KeycloakHome.prepare(dir.resolve("data/keycloak"), distribution);
        KeycloakHome other = KeycloakHome.prepare(dir.resolve("other/keycloak"), distribution);

        assertThat(Files.readSymbolicLink(first.dir().resolve("lib"))).isEqualTo(cached.resolve("lib"));
        assertThat(Files.isSymbolicLink(first.dir().resolve("bin"))).isFalse();
        assertThat(first.kcSh()).isExecutable();
        assertThat(first.dir().resolve("data/import/eduweek-realm.json")).content().contains("\"realm\": \"eduweek\"");
        assertThat(again.adminPassword()).isEqualTo(first.adminPassword()).hasSizeGreaterThan(20);
        assertThat(again.clientSecret()).isEqualTo(first.clientSecret()).hasSizeGreaterThan(40);
        assertThat(other.clientSecret()).isNotEqualTo(first.clientSecret());
        assertThat(Files.getPosixFilePermissions(first.dir().resolve("eduweek-local.properties")))
                .containsExactlyInAnyOrder(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE);

        // --reset removes the links, never what they point at
        DataFolder.deleteRecursively(dir.resolve("data"));
        assertThat(cached.resolve("lib/quarkus-run.jar")).exists();
    }

    @Test
    void aDataFolderFromBeforeTheAccountsClientKeepsItsSecretsAndGetsTheNewOne() throws IOException {
        Path cached = dir.resolve("cache/keycloak-0.0.1");
        Files.createDirectories(cached.getParent());
        KeycloakDistribution.unzip(zip(), cached);
        Path home = Files.createDirectories(dir.resolve("old/keycloak"));
        Files.writeString(home.resolve("eduweek-local.properties"),
                "admin.password=old-admin-password-123\nportal.client.secret=old-portal-secret-0123456789abcdef\n");

        String early = KeycloakHome.accountsClientSecret(home);
        KeycloakHome prepared = KeycloakHome.prepare(home, distribution(cached));

        assertThat(prepared.adminPassword()).isEqualTo("old-admin-password-123");
        assertThat(prepared.clientSecret()).isEqualTo("old-portal-secret-0123456789abcdef");
        assertThat(prepared.accountsClientSecret()).isEqualTo(early).hasSizeGreaterThan(40);
        assertThat(KeycloakHome.accountsClientSecret(home)).isEqualTo(early);
        assertThat(prepared.dir().resolve("data/import/eduweek-realm.json")).content()
                .contains("\"clientId\": \"eduweek-registration-admin\"")
                .contains("\"secret\": \"${IDENTITY_ADMIN_CLIENT_SECRET}\"");
    }

    @Test
    void findsTheZipBesideTheBuildOrInTheMavenRepositoryAndSaysHowToGetIt() throws IOException {
        Path m2 = dir.resolve("m2");
        Path inRepository = m2.resolve("org/keycloak/keycloak-quarkus-dist/0.0.1/keycloak-quarkus-dist-0.0.1.zip");
        assertThatThrownBy(() -> KeycloakDistribution.locateZip("0.0.1", dir, Map.of("MAVEN_REPOSITORY", m2.toString())))
                .hasMessageContaining("--no-keycloak");

        Files.createDirectories(inRepository.getParent());
        Files.copy(zip(), inRepository);
        assertThat(KeycloakDistribution.locateZip("0.0.1", dir, Map.of("MAVEN_REPOSITORY", m2.toString())))
                .isEqualTo(inRepository);

        Path beside = dir.resolve("deploy/local/target/keycloak/keycloak-quarkus-dist-0.0.1.zip");
        Files.createDirectories(beside.getParent());
        Files.copy(zip(), beside);
        assertThat(KeycloakDistribution.locateZip("0.0.1", dir, Map.of("MAVEN_REPOSITORY", m2.toString())))
                .isEqualTo(beside);
    }

    @Test
    void refusesAJavaOlderThanKeycloakNeeds() throws IOException {
        Path old = dir.resolve("jdk-11");
        Files.createDirectories(old.resolve("bin"));
        Path java = old.resolve("bin/java");
        try (OutputStream out = Files.newOutputStream(java)) {
            out.write("#!/bin/sh\n".getBytes(StandardCharsets.UTF_8));
        }
        java.toFile().setExecutable(true);
        Files.writeString(old.resolve("release"), "JAVA_VERSION=\"11.0.2\"\n");

        assertThatThrownBy(() -> KeycloakServer.javaFor(old.toString())).hasMessageContaining("Java 17")
                .hasMessageContaining("KEYCLOAK_JAVA_HOME");
        assertThatThrownBy(() -> KeycloakServer.javaFor(dir.resolve("nothing").toString()))
                .hasMessageContaining("KEYCLOAK_JAVA_HOME");
    }

    private static KeycloakDistribution distribution(Path home) {
        return new KeycloakDistribution("0.0.1", home);
    }
}
