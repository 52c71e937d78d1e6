package org.eduweek.platform.contracts;

import java.util.List;
import java.util.Map;

import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;

import tools.jackson.databind.JsonNode;

/**
 * Validates payloads against the schemas the AsyncAPI document gives its messages. The document is served to the
 * validator under a made-up IRI so that its internal {@code #/components/schemas/...} references resolve in place.
 */
final class PayloadSchemas {

    private static final String DOCUMENT_IRI = "urn:eduweek:asyncapi";

    private final SchemaRegistry registry;

    PayloadSchemas(AsyncApiDocument document) {
        this.registry = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_7,
                builder -> builder.schemas(Map.of(DOCUMENT_IRI, document.json().toString())));
    }

    /** One line per way {@code payload} breaks the payload schema of {@code message}. */
    List<String> violations(AsyncApiDocument.Message message, JsonNode payload) {
        SchemaLocation location = SchemaLocation.of(DOCUMENT_IRI + "#" + message.pointer() + "/payload");
        return registry.getSchema(location).validate(payload).stream()
                .map(error -> error.getInstanceLocation() + ": " + error.getMessage())
                .toList();
    }
}
