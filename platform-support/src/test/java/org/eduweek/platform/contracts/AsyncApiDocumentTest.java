package org.eduweek.platform.contracts;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import tools.jackson.databind.JsonNode;

/**
 * {@code docs/asyncapi.yaml} is valid AsyncAPI 3.0 and agrees with the Kafka topics table of
 * {@code docs/CONTRACTS.md} and with the golden samples every producer keeps under
 * {@code src/test/resources/events/}, in both directions.
 */
class AsyncApiDocumentTest {

    /** Dead-letter topics carry other topics' records as received, so they have no samples of their own. */
    private static final String DEAD_LETTER_SUFFIX = ".dlq";

    private static Path root;
    private static AsyncApiDocument document;
    private static List<TopicContract> contracts;
    private static List<GoldenSample> samples;

    @BeforeAll
    static void read() {
        root = RepositoryRoot.find();
        document = AsyncApiDocument.read(root.resolve("docs/asyncapi.yaml"));
        contracts = TopicContract.read(root.resolve("docs/CONTRACTS.md"));
        samples = GoldenSample.findAll(root);
    }

    @Test
    void documentIsValidAgainstTheAsyncApi30Schema() {
        assertThat(AsyncApiSchema.load().violations(document.json())).isEmpty();
    }

    @Test
    void everyReferenceInTheDocumentPointsAtANodeOfIt() {
        assertThat(document.unresolvedReferences()).isEmpty();
    }

    @Test
    void noKeyOfTheDocumentIsLeftWithoutAValue() {
        assertThat(document.keysWithoutValue()).as("keys with a null value (quote text containing a comma)")
                .isEmpty();
    }

    @Test
    void goldenSamplesExistForEveryProducer() {
        assertThat(samples).extracting(GoldenSample::module).containsAll(
                contracts.stream().map(TopicContract::producer).toList());
    }

    @Test
    void everyContractEventTypeIsAMessageOnItsTopic() {
        List<String> missing = new ArrayList<>();
        for (TopicContract contract : contracts) {
            Set<String> documented = eventTypesOn(contract.topic());
            contract.eventTypes().stream().filter(type -> !documented.contains(type))
                    .forEach(type -> missing.add(type + " on " + contract.topic()));
        }
        assertThat(missing).isEmpty();
    }

    @Test
    void everyGoldenSampleIsDocumentedOnTheTopicItsProducerPublishes() {
        List<String> undocumented = new ArrayList<>();
        for (GoldenSample sample : samples) {
            List<TopicContract> topics = contracts.stream()
                    .filter(c -> c.producer().equals(sample.module()) && c.eventTypes().contains(sample.eventType()))
                    .toList();
            if (topics.isEmpty()) {
                undocumented.add(sample + ": no topic of " + sample.module() + " in docs/CONTRACTS.md carries it");
            }
            topics.stream().filter(c -> !eventTypesOn(c.topic()).contains(sample.eventType()))
                    .forEach(c -> undocumented.add(sample + ": not a message of channel " + c.topic()));
        }
        assertThat(undocumented).isEmpty();
    }

    @Test
    void everyDocumentedEventHasAGoldenSampleFromItsProducer() {
        Map<String, String> producerByTopic = contracts.stream()
                .collect(Collectors.toMap(TopicContract::topic, TopicContract::producer));
        Set<String> sampled = samples.stream().map(s -> s.module() + ":" + s.eventType()).collect(Collectors.toSet());
        List<String> unsampled = eventMessages().stream()
                .filter(m -> !sampled.contains(producerByTopic.get(m.address()) + ":" + m.eventType()))
                .map(m -> m.eventType() + " on " + m.address() + " (producer "
                        + producerByTopic.getOrDefault(m.address(), "not in docs/CONTRACTS.md") + ")")
                .toList();
        assertThat(unsampled).isEmpty();
    }

    @Test
    void everyGoldenSampleFieldIsADocumentedPayloadProperty() {
        List<String> undocumented = new ArrayList<>();
        for (GoldenSample sample : samples) {
            for (AsyncApiDocument.Message message : messagesOf(sample)) {
                Set<String> documented = document.payloadProperties(message);
                sample.payload().propertyNames().stream().filter(field -> !documented.contains(field))
                        .forEach(field -> undocumented.add(sample + ": " + field));
            }
        }
        assertThat(undocumented).isEmpty();
    }

    @Test
    void everyGoldenSampleMatchesItsDocumentedPayloadSchema() {
        DocumentSchemas schemas = new DocumentSchemas(document);
        List<String> violations = new ArrayList<>();
        for (GoldenSample sample : samples) {
            for (AsyncApiDocument.Message message : messagesOf(sample)) {
                schemas.violations(message.pointer() + "/payload", sample.payload())
                        .forEach(v -> violations.add(sample + " " + v));
            }
        }
        assertThat(violations).isEmpty();
    }

    /** Readers copy headers from the examples, so those must be the headers a record of that event carries. */
    @Test
    void everyEventExampleCarriesValidHeadersNamingItsOwnEvent() {
        DocumentSchemas schemas = new DocumentSchemas(document);
        List<String> problems = new ArrayList<>();
        for (AsyncApiDocument.Message message : eventMessages()) {
            JsonNode examples = document.at(message.pointer() + "/examples");
            for (int i = 0; i < examples.size(); i++) {
                String example = message.eventType() + " example " + i;
                JsonNode headers = examples.get(i).path("headers");
                if (!message.eventType().equals(headers.path("eventType").asString(""))) {
                    problems.add(example + ": eventType header is " + headers.path("eventType"));
                }
                for (String trait : document.traitPointers(message)) {
                    schemas.violations(trait + "/headers", headers).forEach(v -> problems.add(example + " " + v));
                }
            }
        }
        assertThat(problems).isEmpty();
    }

    @Test
    void everyConfiguredDeadLetterTopicIsDocumented() {
        Set<String> configured = DeadLetterGroups.configured(root);
        assertThat(configured).as("dlq-name settings found").isNotEmpty();
        assertThat(document.parameterValues("{group}" + DEAD_LETTER_SUFFIX, "group")).containsAll(configured);
    }

    private static List<AsyncApiDocument.Message> eventMessages() {
        return document.messages().stream().filter(m -> !m.address().endsWith(DEAD_LETTER_SUFFIX)).toList();
    }

    private static Set<String> eventTypesOn(String topic) {
        return eventMessages().stream().filter(m -> m.address().equals(topic))
                .map(AsyncApiDocument.Message::eventType).collect(Collectors.toSet());
    }

    private static List<AsyncApiDocument.Message> messagesOf(GoldenSample sample) {
        List<AsyncApiDocument.Message> messages = eventMessages().stream()
                .filter(m -> m.eventType().equals(sample.eventType())).toList();
        assertThat(messages).as("messages documenting %s", sample).isNotEmpty();
        return messages;
    }
}
