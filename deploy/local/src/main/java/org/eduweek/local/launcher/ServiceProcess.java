package org.eduweek.local.launcher;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/** One service jar running as a child JVM, its log file, its health, and its graceful stop. */
public final class ServiceProcess {

    private final ServiceSpec spec;
    private final int port;
    private final Process process;
    private final Path logFile;
    private final Instant startedAt = Instant.now();
    private volatile boolean stopping;

    private ServiceProcess(ServiceSpec spec, int port, Process process, Path logFile) {
        this.spec = spec;
        this.port = port;
        this.process = process;
        this.logFile = logFile;
    }

    /**
     * {@code launch} is what follows the JVM flags (see {@link AppLayout#prepare}); {@code nice} above 0 lowers the
     * child's CPU priority (see {@link #niced}).
     */
    public static ServiceProcess start(ServiceSpec spec, JavaRuntime java, List<String> launch, int port,
            List<String> jvmOptions, int nice, Map<String, String> env, Path workDir, Path logFile,
            Consumer<String> console) throws IOException {
        List<String> command = new ArrayList<>();
        command.add(java.executable().toString());
        command.addAll(jvmOptions);
        command.addAll(launch);
        command = niced(nice, command, NICE_COMMANDS);
        Files.createDirectories(logFile.getParent());
        Files.writeString(logFile, "==== " + Instant.now() + " eduweek-local starts " + spec + " on port " + port
                + " with Java " + java.feature() + ": " + String.join(" ", command) + "\n", StandardCharsets.UTF_8,
                StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        ProcessBuilder builder = new ProcessBuilder(command).directory(workDir.toFile()).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(logFile.toFile()))
                .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
        builder.environment().putAll(env);
        ServiceProcess service = new ServiceProcess(spec, port, builder.start(), logFile);
        service.process.onExit().thenAccept(p -> {
            if (!service.stopping) {
                console.accept(exitMessage(spec, p.pid(), p.exitValue(), logFile));
            }
        });
        return service;
    }

    /**
     * What the console says when a service ends before the launcher stopped it. Ctrl-C in a terminal signals the
     * whole foreground process group, so the services get SIGINT together with the launcher and stop on their own
     * (gracefully: their shutdown hooks run); that is not a crash.
     */
    static String exitMessage(ServiceSpec spec, long pid, int code, Path logFile) {
        String what = switch (code) {
            case 130 -> "stopped on Ctrl-C (SIGINT)";
            case 143 -> "stopped on SIGTERM";
            default -> "exited unexpectedly with code " + code;
        };
        return (code == 130 ? "" : "!! ") + spec + " (pid " + pid + ") " + what + "; see " + logFile;
    }

    /** Where {@code nice} (coreutils) lives on Linux and macOS. */
    static final List<Path> NICE_COMMANDS = List.of(Path.of("/usr/bin/nice"), Path.of("/bin/nice"));

    /**
     * The command run through {@code nice -n <nice>} when a {@code nice} executable is there (not on Windows: the
     * command stays as it is). {@code nice} replaces itself with the command, so the pid stays the JVM's, and every
     * thread the JVM starts inherits the priority (a later {@code renice} of the pid would reach only the main thread).
     */
    static List<String> niced(int nice, List<String> command, List<Path> niceCommands) {
        if (nice <= 0) {
            return command;
        }
        return niceCommands.stream().filter(Files::isExecutable).findFirst().map(niceCommand -> {
            List<String> wrapped = new ArrayList<>(List.of(niceCommand.toString(), "-n", Integer.toString(nice)));
            wrapped.addAll(command);
            return wrapped;
        }).orElse(command);
    }

    public ServiceSpec spec() {
        return spec;
    }

    public int port() {
        return port;
    }

    public long pid() {
        return process.pid();
    }

    public Process process() {
        return process;
    }

    public Path logFile() {
        return logFile;
    }

    public String url() {
        return "http://127.0.0.1:" + port;
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    /**
     * Polls {@code health} (the service's {@code /actuator/health} on its management port) until it says UP; fails
     * early if the process dies, with the end of its log.
     */
    public Duration awaitHealthy(HttpClient http, URI health, Duration timeout) throws InterruptedException {
        Instant deadline = Instant.now().plus(timeout);
        String last = "no answer yet";
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new StartupFailedException(spec + " exited with code " + process.exitValue()
                        + " before it was healthy. Its log " + logFile + " ends with:\n" + tail(40));
            }
            try {
                HttpResponse<String> response = http.send(HttpRequest.newBuilder(health).timeout(Duration.ofSeconds(2))
                        .GET().build(), HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() == 200 && response.body().contains("\"status\":\"UP\"")) {
                    return Duration.between(startedAt, Instant.now());
                }
                last = "HTTP " + response.statusCode() + " " + response.body();
            } catch (IOException e) {
                last = e.getClass().getSimpleName();
            }
            Thread.sleep(200);
        }
        throw new StartupFailedException(spec + " was not healthy within " + timeout.toSeconds() + " s (last: "
                + abbreviate(last) + "). Its log " + logFile + " ends with:\n" + tail(40));
    }

    /** SIGTERM (Spring's graceful shutdown), wait, then SIGKILL what is still there. */
    public void stop(Duration grace) {
        stopping = true;
        if (!process.isAlive()) {
            return;
        }
        process.destroy();
        try {
            if (!process.waitFor(grace.toMillis(), TimeUnit.MILLISECONDS)) {
                process.descendants().forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly();
                process.waitFor(5, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }

    /** Kills the process without a graceful stop (tests of crash recovery). */
    public void kill() {
        stopping = true;
        process.destroyForcibly();
    }

    public String tail(int lines) {
        try (RandomAccessFile file = new RandomAccessFile(logFile.toFile(), "r")) {
            long length = file.length();
            long from = Math.max(0, length - 16_384);
            file.seek(from);
            byte[] bytes = new byte[(int) (length - from)];
            file.readFully(bytes);
            String[] all = new String(bytes, StandardCharsets.UTF_8).split("\n");
            return String.join("\n", java.util.Arrays.copyOfRange(all, Math.max(0, all.length - lines), all.length));
        } catch (IOException e) {
            return "(log unreadable: " + e.getMessage() + ")";
        }
    }

    private static String abbreviate(String s) {
        return s.length() > 300 ? s.substring(0, 300) + "…" : s;
    }

    public static final class StartupFailedException extends IllegalStateException {
        public StartupFailedException(String message) {
            super(message);
        }
    }
}
