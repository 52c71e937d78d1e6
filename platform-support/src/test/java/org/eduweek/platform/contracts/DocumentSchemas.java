package org.eduweek.platform.contracts;

import java.util.List;
import java.util.Map;

import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;

import tools.jackson.databind.JsonNode;

/**
 * Validates JSON against the schemas inside the AsyncAPI document (message payloads, trait headers). The document is
 * served to the validator under a made-up IRI so that its internal {@code #/components/...} references resolve in
 * place.
 */
final class DocumentSchemas {

    private static final String DOCUMENT_IRI = "urn:eduweek:asyncapi";

    private final SchemaRegistry registry;

    DocumentSchemas(AsyncApiDocument document) {
        this.registry = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_7,
                builder -> builder.schemas(Map.of(DOCUMENT_IRI, document.json().toString())));
    }

    /** One line per way {@code instance} breaks the schema at JSON pointer {@code schemaPointer} of the document. */
    List<String> violations(String schemaPointer, JsonNode instance) {
        return registry.getSchema(SchemaLocation.of(DOCUMENT_IRI + "#" + schemaPointer)).validate(instance).stream()
                .map(error -> error.getInstanceLocation() + ": " + error.getMessage())
                .toList();
    }
}
