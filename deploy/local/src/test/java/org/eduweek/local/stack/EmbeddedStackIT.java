package org.eduweek.local.stack;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.SignedJWT;
import jakarta.activation.DataHandler;
import jakarta.mail.Message;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import jakarta.mail.util.ByteArrayDataSource;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.bson.Document;
import org.eduweek.local.launcher.Ports;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The stack alone: each part works, and everything it keeps survives a stop and start on the same data folder. */
class EmbeddedStackIT {

    private final HttpClient http = HttpClient.newHttpClient();
    private final ObjectMapper json = new ObjectMapper();

    @TempDir
    Path data;

    @Test
    void servesEveryPartAndKeepsItsDataAcrossARestartOnOtherPorts() throws Exception {
        StackPorts ports = new StackPorts(Ports.free(), Ports.free(), Ports.free(), Ports.free(), Ports.free());
        String issuer = "http://127.0.0.1:" + ports.http();
        String kid;
        try (EmbeddedStack stack = EmbeddedStack.start(data, ports, issuer)) {
            kid = tokenIsSignedByTheJwksKey(stack, issuer);
            badTokenRequestsGetProblemBodies(stack);
            mailIsCapturedWithBodiesAndAttachments(stack, ports.smtp());
            smsProvidersCaptureMessages(stack);
            kafkaCarriesRecordsOnAutoCreatedTopics(stack);
            try (MongoClient mongo = MongoClients.create(stack.mongoUri("eduweek-test"))) {
                mongo.getDatabase("eduweek-test").getCollection("things").insertOne(new Document("_id", "kept"));
                // Spring Boot's health indicator sends "hello"; the embedded server must answer it.
                Document hello = mongo.getDatabase("admin").runCommand(new Document("hello", 1));
                assertThat(hello.get("maxWireVersion")).isNotNull();
                assertThat(hello.getBoolean("isWritablePrimary")).isTrue();
            }
        }
        assertThat(Ports.isFree(ports.kafka()) && Ports.isFree(ports.mongo()) && Ports.isFree(ports.http())
                && Ports.isFree(ports.smtp()) && Ports.isFree(ports.kafkaController())).isTrue();

        // Other ports after the restart: Kafka's stored metadata must not pin the old listeners.
        StackPorts moved = new StackPorts(Ports.free(), Ports.free(), Ports.free(), Ports.free(), Ports.free());
        try (EmbeddedStack stack = EmbeddedStack.start(data, moved, issuer)) {
            JsonNode jwks = json.readTree(get(stack.httpUrl() + "/.well-known/jwks.json").body());
            assertThat(jwks.path("keys").get(0).path("kid").asText()).isEqualTo(kid);
            assertThat(json.readTree(get(stack.httpUrl() + "/api/dev/emails").body())).hasSize(1);
            assertThat(json.readTree(get(stack.httpUrl() + "/api/dev/sms").body())).hasSize(2);
            try (MongoClient mongo = MongoClients.create(stack.mongoUri("eduweek-test"))) {
                assertThat(mongo.getDatabase("eduweek-test").getCollection("things").countDocuments()).isEqualTo(1);
            }
            assertThat(consume(stack.kafkaBootstrapServers(), "stack.it.v1", 1)).extracting(ConsumerRecord::value)
                    .containsExactly("hello");
        }
    }

    private String tokenIsSignedByTheJwksKey(EmbeddedStack stack, String issuer) throws Exception {
        HttpResponse<String> response = post(stack.httpUrl() + "/api/auth/dev-token", "application/json",
                "{\"sub\":\"alice\",\"roles\":[\"PARTICIPANT\",\"ORGANIZER\"],\"phone_number\":\"+8613800138000\","
                        + "\"locale\":\"zh\",\"ttlSeconds\":600}");
        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode body = json.readTree(response.body());
        assertThat(body.path("token_type").asText()).isEqualTo("Bearer");
        assertThat(body.path("expires_in").asInt()).isEqualTo(600);
        SignedJWT jwt = SignedJWT.parse(body.path("access_token").asText());
        JWKSet jwks = JWKSet.parse(get(stack.httpUrl() + "/.well-known/jwks.json").body());
        RSAKey key = (RSAKey) jwks.getKeyByKeyId(jwt.getHeader().getKeyID());
        assertThat(key.isPrivate()).isFalse();
        assertThat(jwt.verify(new RSASSAVerifier(key))).isTrue();
        assertThat(jwt.getJWTClaimsSet().getIssuer()).isEqualTo(issuer);
        assertThat(jwt.getJWTClaimsSet().getAudience()).containsExactly("eduweek");
        assertThat(jwt.getJWTClaimsSet().getSubject()).isEqualTo("alice");
        assertThat(jwt.getJWTClaimsSet().getStringListClaim("roles")).containsExactly("PARTICIPANT", "ORGANIZER");
        assertThat(jwt.getJWTClaimsSet().getStringClaim("email")).isEqualTo("alice@example.edu");
        assertThat(jwt.getJWTClaimsSet().getStringClaim("phone_number")).isEqualTo("+8613800138000");
        assertThat(jwt.getJWTClaimsSet().getStringClaim("locale")).isEqualTo("zh");

        JsonNode organizer = json.readTree(post(stack.httpUrl() + "/api/auth/dev-token", "application/json",
                "{\"roles\":[\"ORGANIZER\"]}").body());
        assertThat(SignedJWT.parse(organizer.path("access_token").asText()).getJWTClaimsSet().getSubject())
                .isEqualTo("demo-organizer");
        return key.getKeyID();
    }

    private void badTokenRequestsGetProblemBodies(EmbeddedStack stack) throws Exception {
        for (String body : List.of("{\"roles\":[\"KING\"]}", "{not json", "{\"ttlSeconds\":999999}",
                "{\"locale\":\"fr\"}", "{\"phone_number\":\"12345\"}")) {
            HttpResponse<String> response = post(stack.httpUrl() + "/api/auth/dev-token", "application/json", body);
            assertThat(response.statusCode()).as(body).isEqualTo(400);
            assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
            JsonNode problem = json.readTree(response.body());
            assertThat(problem.path("status").asInt()).isEqualTo(400);
            assertThat(problem.path("type").asText()).startsWith("https://eduweek.org/problems/");
            assertThat(problem.has("errors")).isTrue();
        }
    }

    private void mailIsCapturedWithBodiesAndAttachments(EmbeddedStack stack, int smtpPort) throws Exception {
        Properties props = new Properties();
        props.put("mail.smtp.host", "127.0.0.1");
        props.put("mail.smtp.port", String.valueOf(smtpPort));
        MimeMessage message = new MimeMessage(Session.getInstance(props));
        message.setFrom(new InternetAddress("eduweek@localhost"));
        message.setRecipients(Message.RecipientType.TO, "alice@example.edu");
        message.setSubject("Confirmed: Opening Ceremony 开幕式", "UTF-8");
        MimeMultipart alternative = new MimeMultipart("alternative");
        MimeBodyPart text = new MimeBodyPart();
        text.setText("You are confirmed.", "UTF-8");
        MimeBodyPart html = new MimeBodyPart();
        html.setContent("<p>You are <b>confirmed</b>.</p>", "text/html; charset=UTF-8");
        alternative.addBodyPart(text);
        alternative.addBodyPart(html);
        MimeBodyPart wrapper = new MimeBodyPart();
        wrapper.setContent(alternative);
        MimeBodyPart ics = new MimeBodyPart();
        ics.setDataHandler(new DataHandler(new ByteArrayDataSource("BEGIN:VCALENDAR\r\nEND:VCALENDAR\r\n",
                "text/calendar")));
        ics.setFileName("session.ics");
        MimeMultipart mixed = new MimeMultipart("mixed");
        mixed.addBodyPart(wrapper);
        mixed.addBodyPart(ics);
        message.setContent(mixed);
        Transport.send(message, new InternetAddress[] {new InternetAddress("alice@example.edu"),
                new InternetAddress("bob@example.edu")});

        JsonNode emails = json.readTree(get(stack.httpUrl() + "/api/dev/emails").body());
        assertThat(emails).hasSize(1);
        JsonNode email = emails.get(0);
        assertThat(email.path("to")).extracting(JsonNode::asText).containsExactly("alice@example.edu", "bob@example.edu");
        assertThat(email.path("from").asText()).isEqualTo("eduweek@localhost");
        assertThat(email.path("subject").asText()).isEqualTo("Confirmed: Opening Ceremony 开幕式");
        assertThat(email.path("text").asText()).contains("You are confirmed.");
        assertThat(email.path("html").asText()).contains("<b>confirmed</b>");
        assertThat(email.path("attachments").get(0).path("filename").asText()).isEqualTo("session.ics");
        assertThat(email.path("attachments").get(0).path("contentType").asText()).isEqualTo("text/calendar");
        assertThat(json.readTree(get(stack.httpUrl() + "/api/dev/emails?to=bob@example.edu").body())).hasSize(1);
        assertThat(json.readTree(get(stack.httpUrl() + "/api/dev/emails?to=carol@example.edu").body())).isEmpty();
        assertThat(get(stack.httpUrl() + "/api/dev/emails/" + email.path("id").asText() + "/raw").body())
                .contains("Subject:");
    }

    private void smsProvidersCaptureMessages(EmbeddedStack stack) throws Exception {
        HttpResponse<String> generic = post(stack.httpUrl() + "/sms/messages", "application/json",
                "{\"to\":\"+8613800138000\",\"from\":\"EDUWEEK\",\"body\":\"Confirmed: Opening Ceremony\"}");
        assertThat(generic.statusCode()).isEqualTo(202);
        assertThat(json.readTree(generic.body()).path("status").asText()).isEqualTo("queued");
        HttpResponse<String> twilio = post(stack.httpUrl() + "/2010-04-01/Accounts/AC1/Messages.json",
                "application/x-www-form-urlencoded", "To=%2B447700900123&From=%2B15005550006&Body=Hello+there");
        assertThat(twilio.statusCode()).isEqualTo(201);
        assertThat(json.readTree(twilio.body()).path("sid").asText()).startsWith("SM");
        assertThat(post(stack.httpUrl() + "/sms/messages", "application/json", "{\"to\":\"+861\"}").statusCode())
                .isEqualTo(400);
        assertThat(post(stack.httpUrl() + "/2010-04-01/Accounts/AC1/Messages.json",
                "application/x-www-form-urlencoded", "From=x").statusCode()).isEqualTo(400);
        JsonNode all = json.readTree(get(stack.httpUrl() + "/api/dev/sms").body());
        assertThat(all).hasSize(2);
        JsonNode forAlice = json.readTree(get(stack.httpUrl() + "/api/dev/sms?to=%2B8613800138000").body());
        assertThat(forAlice).hasSize(1);
        assertThat(forAlice.get(0).path("body").asText()).isEqualTo("Confirmed: Opening Ceremony");
    }

    private void kafkaCarriesRecordsOnAutoCreatedTopics(EmbeddedStack stack) throws Exception {
        Map<String, Object> producerProps = Map.of("bootstrap.servers", stack.kafkaBootstrapServers(),
                "key.serializer", StringSerializer.class.getName(), "value.serializer", StringSerializer.class.getName());
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(producerProps)) {
            producer.send(new ProducerRecord<>("stack.it.v1", "key", "hello")).get();
        }
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", stack.kafkaBootstrapServers()))) {
            assertThat(admin.describeTopics(List.of("stack.it.v1")).allTopicNames().get().get("stack.it.v1")
                    .partitions()).hasSize(3);
        }
        assertThat(consume(stack.kafkaBootstrapServers(), "stack.it.v1", 1)).hasSize(1);
    }

    private static List<ConsumerRecord<String, String>> consume(String bootstrap, String topic, int count) {
        Map<String, Object> props = Map.of("bootstrap.servers", bootstrap, "group.id", "stack-it-" + System.nanoTime(),
                "auto.offset.reset", "earliest", "key.deserializer", StringDeserializer.class.getName(),
                "value.deserializer", StringDeserializer.class.getName());
        List<ConsumerRecord<String, String>> records = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(props)) {
            consumer.subscribe(List.of(topic));
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (records.size() < count && System.nanoTime() < deadline) {
                consumer.poll(Duration.ofMillis(500)).forEach(records::add);
            }
        }
        return records;
    }

    private HttpResponse<String> get(String url) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(url)).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> post(String url, String contentType, String body) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(url)).header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

}
