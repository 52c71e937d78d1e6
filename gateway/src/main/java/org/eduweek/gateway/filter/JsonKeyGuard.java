package org.eduweek.gateway.filter;

import java.util.Optional;

import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.ObjectReadContext;
import tools.jackson.core.json.JsonFactory;

/**
 * Finds property names that a MongoDB query or update would read as operators or paths ({@code $where},
 * {@code a.b}) anywhere in a JSON document, by streaming its tokens (no tree is built).
 */
public final class JsonKeyGuard {

    private static final JsonFactory FACTORY = new JsonFactory();

    private JsonKeyGuard() {
    }

    /** The first unsafe key, or empty when there is none or the body is not JSON (the service reports that). */
    public static Optional<String> firstUnsafeKey(byte[] body) {
        try (JsonParser parser = FACTORY.createParser(ObjectReadContext.empty(), body)) {
            JsonToken token;
            while ((token = parser.nextToken()) != null) {
                if (token == JsonToken.PROPERTY_NAME) {
                    String name = parser.currentName();
                    if (name.startsWith("$") || name.contains(".")) {
                        return Optional.of(name);
                    }
                }
            }
            return Optional.empty();
        } catch (JacksonException malformed) {
            return Optional.empty();
        }
    }
}
