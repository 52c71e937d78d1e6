package org.eduweek.local.stack;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import io.netty.channel.Channel;

/** mongo-java-server on an H2 file: the services talk to it with the real MongoDB driver. */
public final class MongoNode implements AutoCloseable {

    private final MongoServer server;
    private final int port;

    private MongoNode(MongoServer server, int port) {
        this.server = server;
        this.port = port;
    }

    public static MongoNode start(Path dir, int port) throws IOException {
        Files.createDirectories(dir);
        H2Backend backend = new HelloAwareH2Backend(dir.resolve("eduweek.mv").toAbsolutePath().toString());
        MongoServer server = new MongoServer(backend);
        // No oplog: nothing here uses change streams, and mongo-java-server's oplog is a second, ever-growing
        // collection written on every insert and update — it was the stack's hottest path under a registration burst.
        try {
            server.bind("127.0.0.1", port);
        } catch (RuntimeException e) {
            // Netty's threads would keep the JVM alive after a failed bind; shutdown also closes the H2 file.
            server.shutdownNow();
            throw new IllegalStateException("MongoDB (mongo-java-server) could not bind 127.0.0.1:" + port, e);
        }
        return new MongoNode(server, server.getLocalAddress().getPort());
    }

    /**
     * mongo-java-server 1.47 knows the legacy {@code isMaster} but not its successor {@code hello}, which Spring Boot's
     * MongoDB health indicator sends: answer it the same way, so {@code /actuator/health} reports the real state.
     */
    static final class HelloAwareH2Backend extends H2Backend {

        HelloAwareH2Backend(String file) {
            super(file);
        }

        @Override
        public Document handleCommand(Channel channel, String database, String command, Document query) {
            if ("hello".equalsIgnoreCase(command)) {
                Document answer = super.handleCommand(channel, database, "isMaster", query);
                answer.put("isWritablePrimary", Boolean.TRUE);
                return answer;
            }
            return super.handleCommand(channel, database, command, query);
        }
    }

    public int port() {
        return port;
    }

    public String uri(String database) {
        return "mongodb://127.0.0.1:" + port + "/" + database;
    }

    /** Graceful: closes client channels, then commits and closes the H2 store (a kill -9 may lose the last writes). */
    @Override
    public void close() {
        server.shutdown();
    }
}
