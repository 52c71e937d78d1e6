package org.eduweek.platform.testing;

import java.net.InetSocketAddress;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;

import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.kafka.KafkaContainer;
import org.testcontainers.mongodb.MongoDBContainer;

/**
 * One Kafka broker and one MongoDB per test JVM, started on first use and stopped when the JVM exits. Where a Docker
 * engine answers, they are real containers (Testcontainers); otherwise a real KRaft broker from the Kafka jars and
 * mongo-java-server in memory, both on free loopback ports. Tests isolate themselves with their own database names
 * and topics, never by restarting these.
 *
 * <pre>
 * &#64;DynamicPropertySource
 * static void infra(DynamicPropertyRegistry r) { TestInfrastructure.register(r, "eduweek-registration-it"); }
 * </pre>
 */
public final class TestInfrastructure {

    private static final boolean DOCKER = dockerAvailable();
    private static String kafkaBootstrap;
    private static String mongoBase;

    private TestInfrastructure() {
    }

    public static boolean usesContainers() {
        return DOCKER;
    }

    public static synchronized String kafkaBootstrapServers() {
        if (kafkaBootstrap == null) {
            if (DOCKER) {
                KafkaContainer kafka = new KafkaContainer("apache/kafka-native:4.1.1");
                kafka.start();
                Runtime.getRuntime().addShutdownHook(new Thread(kafka::stop));
                kafkaBootstrap = kafka.getBootstrapServers();
            } else {
                EmbeddedKafkaKraftBroker broker = new EmbeddedKafkaKraftBroker(1, 3);
                broker.brokerProperties(java.util.Map.of("group.initial.rebalance.delay.ms", "0",
                        "auto.create.topics.enable", "true"));
                broker.afterPropertiesSet();
                Runtime.getRuntime().addShutdownHook(new Thread(broker::destroy));
                kafkaBootstrap = broker.getBrokersAsString();
            }
        }
        return kafkaBootstrap;
    }

    /** A MongoDB URI for the given database name. */
    public static synchronized String mongoUri(String database) {
        if (mongoBase == null) {
            if (DOCKER) {
                MongoDBContainer mongo = new MongoDBContainer("mongo:8.0");
                mongo.start();
                Runtime.getRuntime().addShutdownHook(new Thread(mongo::stop));
                mongoBase = mongo.getConnectionString();
            } else {
                MongoServer server = new MongoServer(new MemoryBackend());
                InetSocketAddress address = server.bind();
                Runtime.getRuntime().addShutdownHook(new Thread(server::shutdownNow));
                mongoBase = "mongodb://127.0.0.1:" + address.getPort();
            }
        }
        return mongoBase + "/" + database;
    }

    /** Registers Kafka, MongoDB and the test token decoder's settings for a Spring test context. */
    public static void register(org.springframework.test.context.DynamicPropertyRegistry registry, String database) {
        registry.add("spring.kafka.bootstrap-servers", TestInfrastructure::kafkaBootstrapServers);
        registry.add("spring.cloud.stream.kafka.binder.brokers", TestInfrastructure::kafkaBootstrapServers);
        registry.add("spring.mongodb.uri", () -> mongoUri(database));
        // outside the local profile a service trusts only the issuer it is given: the one of TestTokens
        registry.add("eduweek.security.issuer", () -> TestTokens.ISSUER);
    }

    private static boolean dockerAvailable() {
        if ("false".equalsIgnoreCase(System.getenv("EDUWEEK_TESTCONTAINERS"))) {
            return false;
        }
        try {
            return DockerClientFactory.instance().isDockerAvailable();
        } catch (Throwable e) {
            return false;
        }
    }
}
