package org.eduweek.platform.contracts;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.BiConsumer;

import tools.jackson.databind.JsonNode;
import tools.jackson.dataformat.yaml.YAMLMapper;

/** {@code docs/asyncapi.yaml} as a JSON tree, with the few look-ups the contract checks need. */
final class AsyncApiDocument {

    /** A message as a channel lists it, after following its {@code $ref}; the key in the channel is its eventType. */
    record Message(String address, String eventType, String pointer) {
    }

    private final JsonNode root;

    private AsyncApiDocument(JsonNode root) {
        this.root = root;
    }

    static AsyncApiDocument read(Path file) {
        return new AsyncApiDocument(YAMLMapper.builder().build().readTree(file.toFile()));
    }

    JsonNode json() {
        return root;
    }

    List<Message> messages() {
        List<Message> messages = new ArrayList<>();
        for (Map.Entry<String, JsonNode> channel : root.path("channels").properties()) {
            String address = channel.getValue().path("address").asString();
            for (Map.Entry<String, JsonNode> entry : channel.getValue().path("messages").properties()) {
                String pointer = "/channels/" + escape(channel.getKey()) + "/messages/" + escape(entry.getKey());
                messages.add(new Message(address, entry.getKey(), targetOf(pointer)));
            }
        }
        return messages;
    }

    /** The node at a JSON pointer, after following its {@code $ref}s. */
    JsonNode at(String pointer) {
        return root.at(targetOf(pointer));
    }

    /** Where the message's traits are defined, as JSON pointers. */
    List<String> traitPointers(Message message) {
        List<String> traits = new ArrayList<>();
        JsonNode list = root.at(message.pointer() + "/traits");
        for (int i = 0; i < list.size(); i++) {
            traits.add(targetOf(message.pointer() + "/traits/" + i));
        }
        return traits;
    }

    /** The values the channel at {@code address} allows for its {@code parameter}. */
    Set<String> parameterValues(String address, String parameter) {
        Set<String> values = new TreeSet<>();
        for (JsonNode channel : root.path("channels")) {
            if (channel.path("address").asString("").equals(address)) {
                channel.path("parameters").path(parameter).path("enum").forEach(v -> values.add(v.asString()));
            }
        }
        return values;
    }

    /** The property names a message's payload documents, through {@code $ref}s and {@code allOf}. */
    Set<String> payloadProperties(Message message) {
        Set<String> names = new LinkedHashSet<>();
        collectProperties(root.at(targetOf(message.pointer() + "/payload")), names);
        return names;
    }

    /** Every {@code $ref} that does not point at a node of this document, as "where -> ref". */
    List<String> unresolvedReferences() {
        List<String> broken = new ArrayList<>();
        visitObjects(root, "", (where, object) -> {
            JsonNode ref = object.get("$ref");
            if (ref != null && (!ref.isString() || !ref.asString().startsWith("#/")
                    || root.at(ref.asString().substring(1)).isMissingNode())) {
                broken.add(where + " -> " + ref);
            }
        });
        return broken;
    }

    /**
     * Every key whose value is null. The document never means null as a value; a null is what YAML makes of an
     * unquoted comma inside a flow mapping ({@code { description: a, b }} gives a key "b").
     */
    List<String> keysWithoutValue() {
        List<String> empty = new ArrayList<>();
        visitObjects(root, "", (where, object) -> object.properties().stream()
                .filter(property -> property.getValue().isNull())
                .forEach(property -> empty.add(where + "/" + escape(property.getKey()))));
        return empty;
    }

    private void collectProperties(JsonNode schema, Set<String> names) {
        JsonNode resolved = schema.has("$ref") ? root.at(targetOf(schema.get("$ref").asString())) : schema;
        resolved.path("properties").propertyNames().forEach(names::add);
        for (JsonNode part : resolved.path("allOf")) {
            collectProperties(part, names);
        }
    }

    /** Follows {@code $ref}s from the node at {@code pointer} (or a "#/..." reference) to the node they name. */
    private String targetOf(String pointerOrRef) {
        String pointer = pointerOrRef.startsWith("#") ? pointerOrRef.substring(1) : pointerOrRef;
        for (int hops = 0; hops < 10; hops++) {
            JsonNode ref = root.at(pointer).path("$ref");
            if (!ref.isString() || !ref.asString().startsWith("#/")) {
                return pointer;
            }
            pointer = ref.asString().substring(1);
        }
        throw new IllegalStateException("$ref cycle at " + pointerOrRef);
    }

    private static void visitObjects(JsonNode node, String where, BiConsumer<String, JsonNode> visitor) {
        if (node.isObject()) {
            visitor.accept(where, node);
            for (Map.Entry<String, JsonNode> child : node.properties()) {
                visitObjects(child.getValue(), where + "/" + escape(child.getKey()), visitor);
            }
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                visitObjects(node.get(i), where + "/" + i, visitor);
            }
        }
    }

    /** JSON Pointer escaping of one key (RFC 6901). */
    private static String escape(String key) {
        return key.replace("~", "~0").replace("/", "~1");
    }
}
