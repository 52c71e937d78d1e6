package org.eduweek.local.launcher;

import java.util.List;

/** A service module the launcher runs as a child JVM from {@code <repo>/<module>/target/<module>.jar}. */
public enum ServiceSpec {

    SCHEDULE("schedule-service", "SCHEDULE_PORT", 8081, "eduweek-schedule", "SCHEDULE_URL"),
    REGISTRATION("registration-service", "REGISTRATION_PORT", 8082, "eduweek-registration", "REGISTRATION_URL"),
    NOTIFICATION("notification-service", "NOTIFICATION_PORT", 8083, "eduweek-notification", "NOTIFICATION_URL"),
    ANALYTICS("analytics-service", "ANALYTICS_PORT", 8084, "eduweek-analytics", "ANALYTICS_URL"),
    GATEWAY("gateway", "GATEWAY_PORT", 8080, null, null);

    private final String module;
    private final String portEnv;
    private final int defaultPort;
    private final String database;
    private final String urlEnv;

    ServiceSpec(String module, String portEnv, int defaultPort, String database, String urlEnv) {
        this.module = module;
        this.portEnv = portEnv;
        this.defaultPort = defaultPort;
        this.database = database;
        this.urlEnv = urlEnv;
    }

    public String module() {
        return module;
    }

    /**
     * Flags added after the lean defaults for the request-facing hot path: a burst of 1,000 simultaneous
     * registrations does not fit registration-service in a 192 MiB heap (OutOfMemoryError), and a proxy or a
     * write path limited to C1 loses peak throughput. notification-service gets them too: the same burst is
     * 1,000 confirmation emails (templates, calendar files), and C2 clears that backlog sooner once the burst has
     * passed (it runs at a lower priority, see {@link #isBackgroundConsumer}). Idle RSS barely changes; the heap only
     * grows under load.
     */
    public List<String> hotPathJvmOptions() {
        List<String> hotPath = List.of("-Xmx448m", "-XX:TieredStopAtLevel=4", "-XX:ReservedCodeCacheSize=96m");
        return switch (this) {
            case REGISTRATION, NOTIFICATION -> hotPath;
            // the proxy allocates tens of kB per request, so it runs on ParallelGC, whose write barriers cost less
            case GATEWAY -> java.util.stream.Stream.concat(hotPath.stream(),
                    java.util.stream.Stream.of("-XX:-UseSerialGC", "-XX:+UseParallelGC")).toList();
            default -> List.of();
        };
    }

    /**
     * Whether this service only consumes events, with no request waiting on it. On one shared machine the launcher
     * runs these at a lower CPU priority ({@code EDUWEEK_BACKGROUND_NICE}): during a burst of registrations the
     * request path (gateway, registration, the stack) gets the cores first and these catch up from Kafka right after
     * (see {@link org.eduweek.local.PlatformOptions#DEFAULT_BACKGROUND_NICE}).
     */
    public boolean isBackgroundConsumer() {
        return this == NOTIFICATION || this == ANALYTICS;
    }

    public String portEnv() {
        return portEnv;
    }

    public int defaultPort() {
        return defaultPort;
    }

    /** The service's own MongoDB database, or null for the gateway. */
    public String database() {
        return database;
    }

    /** The gateway's env var that points at this service. */
    public String urlEnv() {
        return urlEnv;
    }

    public static ServiceSpec byModule(String module) {
        for (ServiceSpec spec : values()) {
            if (spec.module.equals(module) || spec.name().equalsIgnoreCase(module)
                    || spec.module.equals(module + "-service")) {
                return spec;
            }
        }
        throw new IllegalArgumentException("Unknown service '" + module + "'; known: " + List.of(values()));
    }

    @Override
    public String toString() {
        return module;
    }
}
