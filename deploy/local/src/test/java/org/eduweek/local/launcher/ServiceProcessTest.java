package org.eduweek.local.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ServiceProcessTest {

    @TempDir
    Path dir;

    private static final List<String> JAVA = List.of("/opt/java/bin/java", "-Xmx192m", "-jar", "app.jar");

    @Test
    void aPositiveNicenessRunsTheCommandThroughTheFirstNiceThatExists() throws Exception {
        Path nice = Files.createFile(dir.resolve("nice"),
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwxr-xr-x")));

        List<String> command = ServiceProcess.niced(10, JAVA, List.of(dir.resolve("missing"), nice));

        assertThat(command).containsExactly(nice.toString(), "-n", "10", "/opt/java/bin/java", "-Xmx192m", "-jar",
                "app.jar");
    }

    @Test
    void zeroOrNoNiceExecutableLeavesTheCommandAsItIs() throws Exception {
        Path notExecutable = Files.createFile(dir.resolve("nice"));

        assertThat(ServiceProcess.niced(0, JAVA, ServiceProcess.NICE_COMMANDS)).isEqualTo(JAVA);
        assertThat(ServiceProcess.niced(10, JAVA, List.of(dir.resolve("missing"), notExecutable))).isEqualTo(JAVA);
    }

    @Test
    void aServiceStoppedByCtrlCIsNotReportedAsACrash() {
        Path log = Path.of("logs", "schedule-service.log");

        assertThat(ServiceProcess.exitMessage(ServiceSpec.SCHEDULE, 42, 130, log))
                .isEqualTo("schedule-service (pid 42) stopped on Ctrl-C (SIGINT); see " + log);
        assertThat(ServiceProcess.exitMessage(ServiceSpec.SCHEDULE, 42, 143, log)).startsWith("!! ")
                .contains("stopped on SIGTERM");
        assertThat(ServiceProcess.exitMessage(ServiceSpec.SCHEDULE, 42, 1, log))
                .isEqualTo("!! schedule-service (pid 42) exited unexpectedly with code 1; see " + log);
    }
}
