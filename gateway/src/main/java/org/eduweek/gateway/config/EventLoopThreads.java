package org.eduweek.gateway.config;

import java.util.Map;

/**
 * How many Reactor Netty event-loop threads serve the gateway's connections, in and out. Reactor Netty's default is
 * at least four, whatever the cores: on a small machine (where the services share the cores) more loops than cores
 * mean more context switches per proxied request, a client connection often served on another loop than its
 * request, and more CPU per request; one loop per core is cheaper and serves more requests a second. nginx's
 * {@code worker_processes auto} makes the same choice. A single loop in all costs even less CPU per request but
 * lowers throughput under load, so it is not the default.
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
