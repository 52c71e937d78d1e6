package org.eduweek.local.stack;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;

import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import kafka.tools.StorageTool;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.utils.Exit;
import org.apache.kafka.common.utils.Time;

/**
 * A real single-node Kafka broker in KRaft combined mode (broker + controller in this JVM). The log directory is
 * formatted once; later starts reuse it, so topics and offsets survive restarts.
 */
public final class KafkaNode implements AutoCloseable {

    private final KafkaRaftServer server;
    private final String bootstrapServers;

    private KafkaNode(KafkaRaftServer server, String bootstrapServers) {
        this.server = server;
        this.bootstrapServers = bootstrapServers;
    }

    private static final java.util.concurrent.atomic.AtomicBoolean STARTING = new java.util.concurrent.atomic.AtomicBoolean();

    static {
        // Kafka halts the whole JVM on a fatal fault (e.g. a port it cannot bind). Here that JVM is the launcher or a
        // test: during start-up turn it into an exception; later, exit through the shutdown hooks so the child
        // services are stopped instead of orphaned.
        Exit.Procedure procedure = (code, message) -> {
            if (!STARTING.get()) {
                Thread exit = new Thread(() -> System.exit(code), "kafka-fatal-exit");
                exit.start();
            }
            throw new IllegalStateException("Kafka stopped with a fatal error (" + code + "): " + message);
        };
        Exit.setExitProcedure(procedure);
        Exit.setHaltProcedure(procedure);
    }

    public static KafkaNode start(Path logDir, int port, int controllerPort) throws IOException {
        Files.createDirectories(logDir);
        Properties props = config(logDir, port, controllerPort);
        if (!Files.exists(logDir.resolve("meta.properties"))) {
            format(logDir, props);
        }
        KafkaRaftServer server = new KafkaRaftServer(KafkaConfig.fromProps(props, false), Time.SYSTEM);
        STARTING.set(true);
        try {
            server.startup();
        } catch (RuntimeException e) {
            server.shutdown();
            throw e;
        } finally {
            STARTING.set(false);
        }
        return new KafkaNode(server, "127.0.0.1:" + port);
    }

    static Properties config(Path logDir, int port, int controllerPort) {
        Properties p = new Properties();
        p.put("process.roles", "broker,controller");
        p.put("node.id", "1");
        // A static voter (not --standalone) keeps the controller endpoint out of the stored metadata, so a restart on
        // other ports (tests pick free ones) still finds its quorum.
        p.put("controller.quorum.voters", "1@127.0.0.1:" + controllerPort);
        p.put("listeners", "PLAINTEXT://127.0.0.1:" + port + ",CONTROLLER://127.0.0.1:" + controllerPort);
        p.put("advertised.listeners", "PLAINTEXT://127.0.0.1:" + port);
        p.put("controller.listener.names", "CONTROLLER");
        p.put("inter.broker.listener.name", "PLAINTEXT");
        p.put("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT");
        p.put("log.dirs", logDir.toAbsolutePath().toString());
        p.put("num.partitions", "3");
        p.put("auto.create.topics.enable", "true");
        p.put("default.replication.factor", "1");
        p.put("min.insync.replicas", "1");
        p.put("offsets.topic.replication.factor", "1");
        p.put("offsets.topic.num.partitions", "3");
        p.put("transaction.state.log.replication.factor", "1");
        p.put("transaction.state.log.min.isr", "1");
        p.put("transaction.state.log.num.partitions", "3");
        p.put("share.coordinator.state.topic.replication.factor", "1");
        p.put("share.coordinator.state.topic.min.isr", "1");
        p.put("group.initial.rebalance.delay.ms", "0");
        // Lean threads and buffers: one laptop, one node. The cleaner's default 128 MiB dedupe buffer would sit in heap.
        p.put("num.network.threads", "2");
        p.put("num.io.threads", "2");
        p.put("background.threads", "2");
        p.put("num.recovery.threads.per.data.dir", "1");
        p.put("log.cleaner.threads", "1");
        p.put("log.cleaner.dedupe.buffer.size", String.valueOf(16 * 1024 * 1024));
        return p;
    }

    private static void format(Path logDir, Properties props) throws IOException {
        Path file = logDir.resolve("server.properties");
        try (OutputStream out = Files.newOutputStream(file)) {
            props.store(out, "written by eduweek-local to format this log dir once");
        }
        ByteArrayOutputStream output = new ByteArrayOutputStream();
        int code;
        try (PrintStream print = new PrintStream(output, true, StandardCharsets.UTF_8)) {
            code = StorageTool.execute(new String[] {"format", "-t", Uuid.randomUuid().toString(), "-c",
                    file.toString()}, print);
        }
        if (code != 0) {
            throw new IllegalStateException("Formatting the Kafka log dir " + logDir + " failed: "
                    + output.toString(StandardCharsets.UTF_8));
        }
    }

    public String bootstrapServers() {
        return bootstrapServers;
    }

    /** Controlled shutdown: the broker moves leadership and flushes its logs before the controller stops. */
    @Override
    public void close() {
        server.shutdown();
        server.awaitShutdown();
    }
}
