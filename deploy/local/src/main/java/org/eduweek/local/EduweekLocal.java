package org.eduweek.local;

import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;

import org.eduweek.local.launcher.Ports;
import org.eduweek.local.launcher.ServiceProcess;

/**
 * {@code java -jar deploy/local/target/eduweek-local.jar [--reset] [--demo] [--data DIR] [--services a,b] [--stack-only]
 * [--no-keycloak]}: the embedded stack in this JVM, Keycloak and every service as child processes, a table of URLs,
 * and a clean stop on Ctrl-C.
 */
public final class EduweekLocal {

    private EduweekLocal() {
    }

    public static void main(String[] args) {
        PlatformOptions options;
        try {
            options = PlatformOptions.fromEnvironment(System.getenv());
            if (!parse(args, options)) {
                return;
            }
        } catch (IllegalArgumentException e) {
            System.err.println("[eduweek] " + e.getMessage());
            System.err.println("Try --help.");
            System.exit(2);
            return;
        }
        warnWithoutHeap();
        Platform platform;
        try {
            platform = Platform.start(options);
        } catch (Ports.PortInUseException | ServiceProcess.StartupFailedException e) {
            System.err.println("[eduweek] " + e.getMessage());
            System.exit(1);
            return;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            System.exit(130);
            return;
        } catch (Exception e) {
            System.err.println("[eduweek] Start failed: " + e.getMessage());
            if (e.getCause() != null) {
                System.err.println("  cause: " + e.getCause());
            }
            System.err.println("  (details in " + options.dataDir().resolve("logs").resolve("stack.log") + ")");
            // Netty or Kafka threads of a half-started stack must not keep the JVM alive.
            System.exit(1);
            return;
        }
        platform.printSummary(System.out);
        // Runs until Ctrl-C / SIGTERM: the platform's shutdown hook stops everything in reverse order.
        try {
            new CountDownLatch(1).await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** The launcher's own heap, as the documented command gives it. */
    static final String HEAP = "-Xmx512m";

    /**
     * This JVM holds Kafka, the embedded MongoDB (H2's page cache is a quarter of the heap), the SMTP capture and the
     * dev identity provider; without {@code -Xmx} the JVM takes a quarter of the machine's memory and keeps it.
     */
    private static void warnWithoutHeap() {
        boolean explicit = java.lang.management.ManagementFactory.getRuntimeMXBean().getInputArguments().stream()
                .anyMatch(a -> a.startsWith("-Xmx") || a.startsWith("-XX:MaxHeapSize="));
        if (!explicit) {
            System.out.println("[eduweek] No -Xmx given: this JVM may grow to "
                    + Runtime.getRuntime().maxMemory() / (1024 * 1024) + " MiB; the documented heap is "
                    + "`java " + HEAP + " -jar deploy/local/target/eduweek-local.jar` (deploy/local/README.md)");
        }
    }

    private static boolean parse(String[] args, PlatformOptions options) {
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            switch (arg.toLowerCase(Locale.ROOT)) {
                case "--reset" -> options.reset(true);
                case "--demo" -> options.demo(true);
                case "--data" -> options.dataDir(Path.of(value(args, ++i, arg)));
                case "--services" -> options.services(PlatformOptions.parseServices(value(args, ++i, arg)));
                case "--stack-only" -> options.services(java.util.Set.of());
                case "--gateway-last" -> options.gatewayLast(true);
                case "--no-keycloak" -> options.keycloak(false);
                case "--without" -> without(options, value(args, ++i, arg));
                case "-h", "--help" -> {
                    System.out.println(HELP);
                    return false;
                }
                default -> {
                    if (arg.startsWith("--data=")) {
                        options.dataDir(Path.of(arg.substring(7)));
                    } else if (arg.startsWith("--services=")) {
                        options.services(PlatformOptions.parseServices(arg.substring(11)));
                    } else {
                        throw new IllegalArgumentException("Unknown option " + arg);
                    }
                }
            }
        }
        return true;
    }

    private static void without(PlatformOptions options, String parts) {
        for (String part : parts.split(",")) {
            switch (part.trim().toLowerCase(Locale.ROOT)) {
                case "kafka" -> options.stackKafka(false);
                case "mongo", "mongodb" -> options.stackMongo(false);
                case "keycloak" -> options.keycloak(false);
                default -> throw new IllegalArgumentException("--without takes kafka, mongo and/or keycloak, not "
                        + part);
            }
        }
    }

    private static String value(String[] args, int i, String option) {
        if (i >= args.length) {
            throw new IllegalArgumentException(option + " needs a value");
        }
        return args[i];
    }

    private static final String HELP = """
            Usage: java -jar deploy/local/target/eduweek-local.jar [options]

              --reset            wipe the data folder first (Kafka, MongoDB, mail, SMS, keys, Keycloak accounts, logs)
              --demo             seed the demo programme, rebased to start in the near future
              --data DIR         data folder (default ./.eduweek/data, or EDUWEEK_DATA_DIR)
              --services a,b     start only these services (schedule, registration, notification, analytics, gateway)
              --stack-only       start only the embedded stack (Kafka, MongoDB, SMTP, identity providers)
              --gateway-last     start the gateway after the other services are UP
              --no-keycloak      no Keycloak (sign-in); dev tokens still work
              --without kafka,mongo,keycloak  leave these out (Docker Compose runs real ones)

            Ports (env vars): GATEWAY_PORT 8080, SCHEDULE_PORT 8081, REGISTRATION_PORT 8082, NOTIFICATION_PORT 8083,
              ANALYTICS_PORT 8084, EDUWEEK_STACK_PORT 8090, EDUWEEK_KAFKA_PORT 9092, EDUWEEK_KAFKA_CONTROLLER_PORT 9093,
              EDUWEEK_MONGO_PORT 27017, EDUWEEK_SMTP_PORT 2525, EDUWEEK_KEYCLOAK_PORT 8180.
            Other env vars: EDUWEEK_DATA_DIR, EDUWEEK_HOME (checkout with the service jars), EDUWEEK_SERVICES,
              EDUWEEK_JAVA_HOME (JDK for the services; default: newest JDK 21+ found, else this one),
              EDUWEEK_JAVA_OPTS (extra JVM flags for the services), EDUWEEK_CDS=false (no class-data sharing archive), EDUWEEK_START_TIMEOUT (seconds, default 300),
              EDUWEEK_BIND_ADDRESS (stack HTTP and SMTP; default 127.0.0.1, 0.0.0.0 in a container),
              EDUWEEK_BACKGROUND_NICE (CPU niceness of notification and analytics, 0 = off; default 19),
              JWT_ISSUER (default http://127.0.0.1:<stack port>), JWT_AUDIENCE (default eduweek),
              EDUWEEK_KEYCLOAK=false (as --no-keycloak), KEYCLOAK_JAVA_HOME (JDK 17+ for Keycloak; default: newest
              JDK 21+ found, else this one), EDUWEEK_CACHE_DIR (the unpacked Keycloak; default ~/.cache/eduweek).
            """;
}
