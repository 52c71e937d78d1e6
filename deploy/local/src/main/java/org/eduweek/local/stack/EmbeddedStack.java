package org.eduweek.local.stack;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.eduweek.local.mongodb.MongoNode;

/**
 * The whole local infrastructure in this JVM: Kafka (KRaft), MongoDB wire server (H2 file), SMTP capture, and the HTTP
 * port with the dev identity provider and the captured SMS provider. Everything lives under one data folder:
 * {@code kafka/}, {@code mongo/}, {@code mail/}, {@code sms/}, {@code idp/}.
 */
public final class EmbeddedStack implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedStack.class);

    private final StackPorts ports;
    private final String issuer;
    private final Deque<AutoCloseable> started = new ArrayDeque<>();
    private KafkaNode kafka;
    private MongoNode mongo;

    private EmbeddedStack(StackPorts ports, String issuer) {
        this.ports = ports;
        this.issuer = issuer;
    }

    public static ObjectMapper json() {
        return new ObjectMapper().configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);
    }

    /** Which parts run, and where the HTTP and SMTP ports listen (0.0.0.0 inside a container). */
    public record Parts(boolean kafka, boolean mongo, String bindAddress) {
        public static final Parts ALL = new Parts(true, true, "127.0.0.1");
    }

    public static EmbeddedStack start(Path dataDir, StackPorts ports, String issuer) throws IOException {
        return start(dataDir, ports, issuer, Parts.ALL);
    }

    /** Starts the parts on the given (non-zero) ports; on failure whatever started is stopped again. */
    public static EmbeddedStack start(Path dataDir, StackPorts ports, String issuer, Parts parts) throws IOException {
        EmbeddedStack stack = new EmbeddedStack(ports, issuer);
        // Kafka is the slow part (~2-3 s): start it while the rest comes up.
        CompletableFuture<KafkaNode> kafka = CompletableFuture.supplyAsync(() -> {
            if (!parts.kafka()) {
                return null;
            }
            try {
                return KafkaNode.start(dataDir.resolve("kafka"), ports.kafka(), ports.kafkaController());
            } catch (IOException e) {
                throw new CompletionException(e);
            }
        }, r -> {
            Thread t = new Thread(r, "eduweek-kafka-start");
            t.setDaemon(true);
            t.start();
        });
        try {
            ObjectMapper json = json();
            DevIdentityProvider idp = DevIdentityProvider.open(dataDir.resolve("idp"), issuer);
            if (parts.mongo()) {
                stack.mongo = stack.track(MongoNode.start(dataDir.resolve("mongo"), ports.mongo()));
            }
            MailCapture mail = stack.track(MailCapture.start(dataDir.resolve("mail"), parts.bindAddress(), ports.smtp()));
            SmsCapture sms = new SmsCapture(dataDir.resolve("sms"), json);
            stack.track(StackHttpServer.start(parts.bindAddress(), ports.http(), json, idp, mail, sms));
            stack.kafka = kafka.join();
            if (stack.kafka != null) {
                // Kafka goes last on the list so it stops last: services' final commits still reach it.
                stack.started.addLast(stack.kafka);
            }
            log.info("Embedded stack up: kafka {}, mongo {}, smtp {}, http {}", ports.kafka(), ports.mongo(),
                    ports.smtp(), ports.http());
            return stack;
        } catch (RuntimeException | IOException e) {
            try {
                KafkaNode node = kafka.join();
                if (node != null) {
                    stack.started.addLast(node);
                }
            } catch (RuntimeException ignored) {
                // Kafka failed too; nothing of it to stop.
            }
            stack.close();
            Throwable cause = e instanceof CompletionException && e.getCause() != null ? e.getCause() : e;
            if (cause instanceof IOException io) {
                throw io;
            }
            throw cause instanceof RuntimeException re ? re : new IllegalStateException(cause);
        }
    }

    private <T extends AutoCloseable> T track(T part) {
        started.push(part);
        return part;
    }

    public StackPorts ports() {
        return ports;
    }

    public String issuer() {
        return issuer;
    }

    public String kafkaBootstrapServers() {
        return "127.0.0.1:" + ports.kafka();
    }

    public String mongoUri(String database) {
        return "mongodb://127.0.0.1:" + ports.mongo() + "/" + database;
    }

    public String httpUrl() {
        return "http://127.0.0.1:" + ports.http();
    }

    /** Stops in reverse order of start: HTTP, SMTP, MongoDB (H2 flush), then Kafka (controlled shutdown). */
    @Override
    public synchronized void close() {
        while (!started.isEmpty()) {
            AutoCloseable part = started.pop();
            try {
                part.close();
            } catch (Exception e) {
                log.warn("Stopping {} failed", part.getClass().getSimpleName(), e);
            }
        }
    }
}
