package org.eduweek.gateway.config;

import java.util.Map;

/**
 * How many Reactor Netty event-loop threads serve the gateway's connections, in and out. Reactor Netty's default is
 * at least four, whatever the cores: on this 2-core machine four loops (plus the services on the same cores) meant
 * 4.5 context switches per proxied request, a client connection served on another loop than its request, and
 * 356-559 µs of CPU per request; one loop per core measured 295-318 µs and 3.2-3.5 switches, and the throughput
 * rose from 1,335-1,535 to 1,609-1,743 requests/s (gateway/README.md, "Threads and wake-ups"). nginx's {@code worker_processes auto} makes the
 * same choice.
 * <p>
 * Reactor Netty reads the count once, from the system property {@value #PROPERTY}, when its loop resources are first
 * created: {@link #apply} runs in {@code main}, before Spring starts. An explicit {@code -D} wins.
 */
public final class EventLoopThreads {

    public static final String PROPERTY = "reactor.netty.ioWorkerCount";
    public static final String ENV = "GATEWAY_IO_THREADS";

    private EventLoopThreads() {
    }

    /** Sets {@value #PROPERTY} for this JVM unless it was given. @return the count in effect */
    public static int apply() {
        String given = System.getProperty(PROPERTY);
        if (given != null) {
            return Integer.parseInt(given.trim());
        }
        int count = count(System.getenv(), Runtime.getRuntime().availableProcessors());
        System.setProperty(PROPERTY, Integer.toString(count));
        return count;
    }

    /** {@value #ENV} when it is a positive number, else one loop per core. */
    static int count(Map<String, String> env, int cores) {
        String configured = env.get(ENV);
        if (configured != null && !configured.isBlank()) {
            try {
                int n = Integer.parseInt(configured.trim());
                if (n > 0) {
                    return n;
                }
            } catch (NumberFormatException e) {
                // falls through: a typo must not stop the front door
            }
            System.err.println("Ignoring " + ENV + "=" + configured + " (not a positive number): one event loop per core");
        }
        return Math.max(1, cores);
    }
}
