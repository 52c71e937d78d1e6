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
     * This service's heap and compiler, added after the lean defaults ({@link
     * org.eduweek.local.PlatformOptions#LEAN_JVM}); deploy/local/README.md has the table with the reasons. After 40,000
     * registrations in bursts of 1,000 every service's live set is 45-85 MiB; each heap leaves room for the garbage of
     * one burst on top of that:
     * <ul>
     * <li>schedule-service and analytics-service (live ~50 MiB): 128 MiB, C1 only;</li>
     * <li>registration-service: a burst is 1,000 requests in flight at once, which 192 MiB did not hold, so
     * 256 MiB, and C2 for the write path's peak throughput;</li>
     * <li>notification-service: the same burst is 1,000 confirmation emails (templates, calendar files); C2 clears
     * that backlog sooner once the burst has passed (it runs at a lower priority, see {@link #isBackgroundConsumer});</li>
     * <li>the gateway: more than 100 MiB survive while a burst is in flight (at 192 MiB it ran full GC after full GC),
     * so 256 MiB; the proxy allocates tens of kB per request, so it runs on ParallelGC, whose write barriers cost less
     * than G1's, with C2.</li>
     * </ul>
     */
    public List<String> jvmOptions() {
        List<String> c2 = List.of("-XX:TieredStopAtLevel=4", "-XX:ReservedCodeCacheSize=64m");
        return switch (this) {
            case SCHEDULE -> List.of("-Xmx" + HEAP_SCHEDULE);
            case ANALYTICS -> List.of("-Xmx" + HEAP_ANALYTICS);
            case REGISTRATION -> concat(List.of("-Xmx" + HEAP_REGISTRATION), c2);
            case NOTIFICATION -> concat(List.of("-Xmx" + HEAP_NOTIFICATION), c2);
            case GATEWAY -> concat(List.of("-Xmx" + HEAP_GATEWAY), c2,
                    List.of("-XX:-UseSerialGC", "-XX:+UseParallelGC"));
        };
    }

    static final String HEAP_SCHEDULE = "128m";
    static final String HEAP_ANALYTICS = "128m";
    static final String HEAP_REGISTRATION = "256m";
    static final String HEAP_NOTIFICATION = "192m";
    static final String HEAP_GATEWAY = "256m";

    @SafeVarargs
    private static List<String> concat(List<String>... parts) {
        return java.util.Arrays.stream(parts).flatMap(List::stream).toList();
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
