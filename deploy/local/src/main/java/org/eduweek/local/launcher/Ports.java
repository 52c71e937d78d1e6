package org.eduweek.local.launcher;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;

/** Port checks done before anything starts, so a clash is reported up front and nothing is left half-running. */
public final class Ports {

    private static final java.util.Set<Integer> HANDED_OUT = java.util.concurrent.ConcurrentHashMap.newKeySet();

    private Ports() {
    }

    /**
     * True when nothing listens on the port. Binds the wildcard address: that fails both for a listener on
     * 127.0.0.1 and for one on all interfaces (the services bind the latter by default).
     */
    public static boolean isFree(int port) {
        try (ServerSocket socket = new ServerSocket()) {
            socket.setReuseAddress(true);
            socket.bind(new InetSocketAddress((InetAddress) null, port));
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /**
     * A port free right now. Drawn below Linux's ephemeral range (32768-60999), where the OS hands out ports to every
     * outgoing connection and to other programs' "any free port" requests, so a port we picked is less likely to be
     * taken by someone else before our child process binds it.
     */
    public static int free() {
        for (int attempt = 0; attempt < 50; attempt++) {
            int candidate = 20_000 + java.util.concurrent.ThreadLocalRandom.current().nextInt(12_000);
            // Never the same port twice in one JVM: a port is only bound later, by whoever we hand it to.
            if (HANDED_OUT.add(candidate) && isFree(candidate)) {
                return candidate;
            }
        }
        try (ServerSocket socket = new ServerSocket()) {
            socket.setReuseAddress(true);
            socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException("No free port", e);
        }
    }

    /** A taken port, named with the env var that moves it. */
    public static final class PortInUseException extends IllegalStateException {

        private final int port;
        private final String envVar;

        public PortInUseException(String what, int port, String envVar) {
            super("Port " + port + " (" + what + ") is already in use. Stop whatever holds it (e.g. `ss -ltnp | grep :"
                    + port + "`) or choose another port with " + envVar + "=<port>.");
            this.port = port;
            this.envVar = envVar;
        }

        public int port() {
            return port;
        }

        public String envVar() {
            return envVar;
        }
    }
}
