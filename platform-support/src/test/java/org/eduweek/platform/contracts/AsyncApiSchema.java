package org.eduweek.platform.contracts;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;

import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.dialect.Dialect;
import com.networknt.schema.dialect.Dialects;
import com.networknt.schema.keyword.AnnotationKeyword;

import tools.jackson.databind.JsonNode;

/**
 * The official AsyncAPI 3.0.0 JSON Schema, vendored under {@code src/test/resources/asyncapi/} (see the README
 * there). Its definitions reference each other by absolute {@code http://asyncapi.com/...} ids that are all embedded
 * in that one file. The validator resolves them there: remote IRIs are blocked, so a reference the file does not
 * hold fails the test instead of reaching for the network.
 */
final class AsyncApiSchema {

    private static final String RESOURCE = "/asyncapi/asyncapi-3.0.0.schema.json";

    /** Draft 7 as the AsyncAPI schema uses it: it also says "example" (not a draft-07 keyword) in a few places. */
    private static final Dialect DIALECT = Dialect.builder(Dialects.getDraft7())
            .keyword(new AnnotationKeyword("example")).build();

    private final Schema schema;

    private AsyncApiSchema(Schema schema) {
        this.schema = schema;
    }

    static AsyncApiSchema load() {
        SchemaRegistry registry = SchemaRegistry.withDefaultDialect(DIALECT,
                builder -> builder.schemaLoader(loader -> loader.block(iri -> iri.toString().startsWith("http"))));
        try (InputStream in = AsyncApiSchema.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("missing test resource " + RESOURCE);
            }
            return new AsyncApiSchema(registry.getSchema(in, InputFormat.JSON));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** One line per violation: where in the document, and what is wrong. */
    List<String> violations(JsonNode document) {
        return schema.validate(document).stream().map(AsyncApiSchema::describe).toList();
    }

    private static String describe(Error error) {
        return error.getInstanceLocation() + ": " + error.getMessage();
    }
}
