package org.eduweek.local;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

import org.eduweek.local.launcher.ServiceProcess;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.jupiter.api.extension.TestWatcher;

/**
 * One platform per test JVM for the end-to-end tests (Failsafe runs them all in one JVM): starting the stack, Keycloak
 * and five service jars takes most of a minute on two cores, so the tests share it. Keycloak is part of it (as in the
 * Quick start): the sign-in tests need it, and it starts beside the services, from the per-user cache. It lives in the root extension store,
 * which closes it when the whole run ends; the data folder (with the services' logs) is kept when a test failed.
 * Tests get it as a parameter with {@code @ExtendWith(SharedPlatform.Extension.class)}.
 */
public final class SharedPlatform implements AutoCloseable {

    /**
     * Reminder lead times short enough to fall due during a test (the rehearsal plans its sessions around them) and
     * the SMS window and pace stated explicitly, so a test computes with the same values the service runs with.
     */
    public static final Duration EMAIL_REMINDER = Duration.ofMinutes(30);
    public static final Duration SMS_REMINDER = Duration.ofMinutes(45);
    public static final String QUIET_START = "22:00";
    public static final String QUIET_END = "07:00";
    public static final Duration URGENT_WITHIN = Duration.ofHours(2);

    private static final Map<String, String> ENV = environment();

    private final Path data;
    private Platform platform;
    private boolean failed;

    private SharedPlatform(Path data, Platform platform) {
        this.data = data;
        this.platform = platform;
    }

    private static Map<String, String> environment() {
        Map<String, String> env = new LinkedHashMap<>();
        env.put("EDUWEEK_NOTIFICATION_REMINDERS_EMAIL", EMAIL_REMINDER.toString());
        env.put("EDUWEEK_NOTIFICATION_REMINDERS_SMS", SMS_REMINDER.toString());
        env.put("EDUWEEK_NOTIFICATION_SMS_QUIET_START", QUIET_START);
        env.put("EDUWEEK_NOTIFICATION_SMS_QUIET_END", QUIET_END);
        env.put("EDUWEEK_NOTIFICATION_SMS_URGENT_WITHIN", URGENT_WITHIN.toString());
        // the provider's default of one SMS a second would make a few hundred SMS take minutes
        env.put("SMS_RATE_PER_SECOND", "50");
        return env;
    }

    /** The shared platform, started on first use. */
    public static SharedPlatform in(ExtensionContext context) {
        return context.getRoot().getStore(ExtensionContext.Namespace.GLOBAL)
                .computeIfAbsent(SharedPlatform.class, key -> start(), SharedPlatform.class);
    }

    private static SharedPlatform start() {
        try {
            Path data = Files.createTempDirectory("eduweek-it-");
            SharedPlatform shared = new SharedPlatform(data, null);
            shared.failed = true; // until it is up: keep the logs of a failed start
            shared.platform = Platform.start(options(data));
            shared.failed = false;
            System.out.println("[it] platform up in " + shared.platform.startupTime().toMillis() + " ms, data " + data);
            return shared;
        } catch (Exception e) {
            throw new IllegalStateException("The platform did not start: " + e.getMessage(), e);
        }
    }

    /** New free ports on every start: nothing stored may depend on the previous run's ports. */
    private static PlatformOptions options(Path data) {
        PlatformOptions options = PlatformOptions.onFreePorts(data).startTimeout(Duration.ofSeconds(420));
        ENV.forEach(options::env);
        return options;
    }

    public Platform platform() {
        return platform;
    }

    public Path dataDir() {
        return data;
    }

    /** Stops the platform and starts it again on the same data folder; later tests get the new one. */
    public Platform restart() throws Exception {
        platform.close();
        Platform previous = platform;
        platform = null;
        failed = true;
        platform = Platform.start(options(data));
        failed = false;
        return previous;
    }

    /** A test saw something wrong: keep the data folder and its logs. */
    public void markFailed() {
        failed = true;
    }

    public void printLogTails(int lines) {
        if (platform == null) {
            return;
        }
        for (ServiceProcess process : platform.processes()) {
            System.out.println("==== " + process.spec() + " (alive " + process.isAlive() + ") " + process.logFile());
            System.out.println(process.tail(lines));
        }
    }

    @Override
    public void close() throws Exception {
        if (platform != null) {
            platform.close();
        }
        if (failed) {
            System.out.println("[it] kept data folder with logs: " + data);
        } else {
            DataFolder.deleteRecursively(data);
        }
    }

    /** Resolves {@link SharedPlatform} parameters and keeps the logs of a failed test. */
    public static final class Extension implements ParameterResolver, TestWatcher {

        @Override
        public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
            return parameter.getParameter().getType() == SharedPlatform.class;
        }

        @Override
        public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
            return in(context);
        }

        @Override
        public void testFailed(ExtensionContext context, Throwable cause) {
            SharedPlatform shared = in(context);
            shared.markFailed();
            shared.printLogTails(60);
        }
    }
}
