package org.eduweek.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Set;

import org.eduweek.local.launcher.Ports;
import org.eduweek.local.launcher.ServiceSpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PlatformOptionsTest {

    @TempDir
    Path dir;

    @Test
    void defaultsFollowTheContractPortTable() {
        PlatformOptions o = PlatformOptions.fromEnvironment(Map.of());
        assertThat(o.servicePort(ServiceSpec.GATEWAY)).isEqualTo(8080);
        assertThat(o.servicePort(ServiceSpec.SCHEDULE)).isEqualTo(8081);
        assertThat(o.servicePort(ServiceSpec.ANALYTICS)).isEqualTo(8084);
        assertThat(o.stackPort()).isEqualTo(8090);
        assertThat(o.kafkaPort()).isEqualTo(9092);
        assertThat(o.kafkaControllerPort()).isEqualTo(9093);
        assertThat(o.mongoPort()).isEqualTo(27017);
        assertThat(o.smtpPort()).isEqualTo(2525);
        assertThat(o.keycloak()).isTrue();
        assertThat(o.keycloakPort()).isEqualTo(8180);
        assertThat(o.dataDir()).isEqualTo(Path.of(".eduweek", "data"));
        assertThat(o.services()).containsExactlyInAnyOrder(ServiceSpec.values());
    }

    @Test
    void envVarsMovePortsDataAndServices() {
        PlatformOptions o = PlatformOptions.fromEnvironment(Map.of("GATEWAY_PORT", "18080", "EDUWEEK_KAFKA_PORT", "19092",
                "EDUWEEK_DATA_DIR", "/tmp/x", "EDUWEEK_SERVICES", "schedule,gateway", "EDUWEEK_START_TIMEOUT", "42",
                "EDUWEEK_JAVA_OPTS", "-Xmx300m -Dfoo=bar"));
        assertThat(o.servicePort(ServiceSpec.GATEWAY)).isEqualTo(18080);
        assertThat(o.kafkaPort()).isEqualTo(19092);
        assertThat(o.dataDir()).isEqualTo(Path.of("/tmp/x"));
        assertThat(o.services()).containsExactlyInAnyOrder(ServiceSpec.SCHEDULE, ServiceSpec.GATEWAY);
        assertThat(o.startTimeout()).isEqualTo(Duration.ofSeconds(42));
        assertThat(o.jvmOptions()).contains("-Xmx192m", "-Xmx300m", "-Dfoo=bar");
    }

    @Test
    void keycloakIsOnByDefaultAndEnvVarsMoveOrDropIt() {
        PlatformOptions o = PlatformOptions.fromEnvironment(Map.of("EDUWEEK_KEYCLOAK_PORT", "18180",
                "KEYCLOAK_JAVA_HOME", "/opt/jdk-21", "EDUWEEK_CACHE_DIR", "/var/cache/eduweek"));
        assertThat(o.keycloakPort()).isEqualTo(18180);
        assertThat(o.keycloakJavaHome()).isEqualTo("/opt/jdk-21");
        assertThat(o.cacheDir()).isEqualTo(Path.of("/var/cache/eduweek"));
        assertThat(PlatformOptions.fromEnvironment(Map.of("EDUWEEK_KEYCLOAK", "false")).keycloak()).isFalse();
        assertThat(PlatformOptions.fromEnvironment(Map.of("XDG_CACHE_HOME", "/x")).cacheDir())
                .isEqualTo(Path.of("/x", "eduweek"));
        assertThatThrownBy(() -> PlatformOptions.fromEnvironment(Map.of("EDUWEEK_KEYCLOAK_PORT", "http")))
                .hasMessageContaining("EDUWEEK_KEYCLOAK_PORT=http");
    }

    @Test
    void eventOnlyConsumersRunNicedByDefaultAndTheEnvVarTunesOrDisablesIt() {
        assertThat(PlatformOptions.fromEnvironment(Map.of()).backgroundNice()).isEqualTo(19);
        assertThat(PlatformOptions.fromEnvironment(Map.of("EDUWEEK_BACKGROUND_NICE", "0")).backgroundNice()).isZero();
        assertThat(PlatformOptions.fromEnvironment(Map.of("EDUWEEK_BACKGROUND_NICE", " 10 ")).backgroundNice())
                .isEqualTo(10);
        assertThatThrownBy(() -> PlatformOptions.fromEnvironment(Map.of("EDUWEEK_BACKGROUND_NICE", "20")))
                .hasMessageContaining("EDUWEEK_BACKGROUND_NICE=20");
        assertThatThrownBy(() -> PlatformOptions.fromEnvironment(Map.of("EDUWEEK_BACKGROUND_NICE", "low")))
                .hasMessageContaining("EDUWEEK_BACKGROUND_NICE=low");
        assertThat(java.util.Arrays.stream(ServiceSpec.values()).filter(ServiceSpec::isBackgroundConsumer))
                .containsExactlyInAnyOrder(ServiceSpec.NOTIFICATION, ServiceSpec.ANALYTICS);
    }

    @Test
    void rejectsAPortThatIsNotANumber() {
        assertThatThrownBy(() -> PlatformOptions.fromEnvironment(Map.of("EDUWEEK_MONGO_PORT", "mongo")))
                .hasMessageContaining("EDUWEEK_MONGO_PORT=mongo");
        assertThatThrownBy(() -> PlatformOptions.parseServices("billing")).hasMessageContaining("Unknown service");
    }

    @Test
    void aTakenPortIsReportedWithTheEnvVarThatMovesItAndNothingStarts() throws Exception {
        try (ServerSocket taken = new ServerSocket(0)) {
            PlatformOptions o = PlatformOptions.onFreePorts(dir.resolve("data")).services(Set.of())
                    .smtpPort(taken.getLocalPort());
            assertThatThrownBy(() -> Platform.start(o)).isInstanceOf(Ports.PortInUseException.class)
                    .hasMessageContaining("Port " + taken.getLocalPort() + " (SMTP)")
                    .hasMessageContaining("EDUWEEK_SMTP_PORT");
        }
        assertThat(dir.resolve("data")).doesNotExist();
    }

    @Test
    void resetRefusesAFolderThatIsNotOurs() throws Exception {
        java.nio.file.Files.writeString(dir.resolve("precious.txt"), "keep me");
        assertThatThrownBy(() -> DataFolder.prepare(dir, true)).hasMessageContaining("not an eduweek data folder");
        assertThat(dir.resolve("precious.txt")).exists();
    }

    @Test
    void resetWipesOurFolder() throws Exception {
        Path data = DataFolder.prepare(dir.resolve("data"), false);
        java.nio.file.Files.writeString(data.resolve("old.txt"), "old");
        DataFolder.prepare(data, true);
        assertThat(data.resolve("old.txt")).doesNotExist();
        assertThat(data.resolve(DataFolder.MARKER)).exists();
    }
}
