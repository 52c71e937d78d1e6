package org.eduweek.platform.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * A TCP proxy on a free loopback port in front of a server (a test's MongoDB or broker), which a test can
 * {@link #freeze} (connections stay open, nothing is forwarded: a hung store), {@link #cut} (every connection closed,
 * new ones closed at once: a stopped store) and {@link #restore}. One thread per direction per connection: for a
 * handful of client connections.
 */
public final class TcpProxy implements AutoCloseable {

    private enum State { OPEN, FROZEN, CUT }

    private final ServerSocket server;
    private final InetSocketAddress target;
    private final Set<Socket> sockets = ConcurrentHashMap.newKeySet();
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition changed = lock.newCondition();
    private final AtomicLong connections = new AtomicLong();
    private final AtomicLong heldRequests = new AtomicLong();
    private volatile State state = State.OPEN;
    private volatile boolean closed;

    private TcpProxy(ServerSocket server, InetSocketAddress target) {
        this.server = server;
        this.target = target;
    }

    /** Starts a proxy to {@code host:port}. */
    public static TcpProxy to(String host, int port) {
        try {
            ServerSocket server = new ServerSocket(0, 100, InetAddress.getLoopbackAddress());
            TcpProxy proxy = new TcpProxy(server, new InetSocketAddress(host, port));
            daemon("tcp-proxy-accept", proxy::acceptLoop).start();
            return proxy;
        } catch (IOException e) {
            throw new IllegalStateException("Could not start a proxy to " + host + ":" + port, e);
        }
    }

    public int port() {
        return server.getLocalPort();
    }

    /** Connections accepted so far. */
    public long connections() {
        return connections.get();
    }

    /** Chunks from clients held back since the last {@link #freeze}: requests waiting for an answer that won't come. */
    public long heldRequests() {
        return heldRequests.get();
    }

    /** Stops forwarding in both directions; connections stay open and new ones are accepted but get nothing. */
    public void freeze() {
        heldRequests.set(0);
        set(State.FROZEN);
    }

    /** Closes every connection and closes new ones at once, as a stopped server would. */
    public void cut() {
        set(State.CUT);
        sockets.forEach(TcpProxy::closeQuietly);
    }

    /** Forwards again (held bytes of surviving connections first) and accepts new connections normally. */
    public void restore() {
        set(State.OPEN);
    }

    private void set(State next) {
        lock.lock();
        try {
            state = next;
            changed.signalAll();
        } finally {
            lock.unlock();
        }
    }

    private void acceptLoop() {
        while (!closed) {
            Socket client;
            try {
                client = server.accept();
            } catch (IOException e) {
                return;
            }
            connections.incrementAndGet();
            if (state == State.CUT) {
                closeQuietly(client);
                continue;
            }
            try {
                Socket upstream = new Socket();
                upstream.connect(target, 5_000);
                sockets.add(client);
                sockets.add(upstream);
                daemon("tcp-proxy-up", () -> pump(client, upstream, true)).start();
                daemon("tcp-proxy-down", () -> pump(upstream, client, false)).start();
            } catch (IOException e) {
                closeQuietly(client);
            }
        }
    }

    private void pump(Socket from, Socket to, boolean request) {
        byte[] buffer = new byte[16 * 1024];
        try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
            for (int n; (n = in.read(buffer)) >= 0;) {
                if (!awaitFlowing(request)) {
                    break;
                }
                out.write(buffer, 0, n);
                out.flush();
            }
        } catch (IOException e) {
            // the other side closed, or cut() did
        } finally {
            closeQuietly(from);
            closeQuietly(to);
            sockets.remove(from);
            sockets.remove(to);
        }
    }

    /** Waits while frozen; false when the connection is to be dropped. */
    private boolean awaitFlowing(boolean request) {
        lock.lock();
        try {
            if (state == State.FROZEN && request) {
                heldRequests.incrementAndGet();
            }
            while (state == State.FROZEN && !closed) {
                changed.awaitUninterruptibly();
            }
            return state == State.OPEN && !closed;
        } finally {
            lock.unlock();
        }
    }

    @Override
    public void close() {
        closed = true;
        set(State.CUT);
        closeQuietly(server);
        sockets.forEach(TcpProxy::closeQuietly);
    }

    private static Thread daemon(String name, Runnable body) {
        Thread t = new Thread(body, name);
        t.setDaemon(true);
        return t;
    }

    private static void closeQuietly(java.io.Closeable c) {
        try {
            c.close();
        } catch (IOException ignored) {
            // closing anyway
        }
    }
}
