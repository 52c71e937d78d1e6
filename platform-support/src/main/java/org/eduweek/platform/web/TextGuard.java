package org.eduweek.platform.web;

import java.util.Collection;

import tools.jackson.core.JsonParser;
import tools.jackson.databind.BeanDescription;
import tools.jackson.databind.DeserializationConfig;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.ValueDeserializer;
import tools.jackson.databind.deser.ValueDeserializerModifier;
import tools.jackson.databind.deser.jdk.StringDeserializer;
import tools.jackson.databind.deser.std.DelegatingDeserializer;
import tools.jackson.databind.deser.std.StdScalarDeserializer;
import tools.jackson.databind.type.CollectionType;
import tools.jackson.databind.exc.InvalidFormatException;
import tools.jackson.databind.module.SimpleModule;

/**
 * Every string a service reads from JSON, in requests as in events: at most {@value #MAX_LENGTH} characters and no
 * control characters but tab, line feed and carriage return (multi-line descriptions keep their lines). A NUL or
 * an escape sequence in a title ends up in mail subjects, calendar files and CSV exports; a megabyte in one field
 * ends up in every copy of the document. Every list at most {@value #MAX_ENTRIES} entries, for the same reason.
 * Fields with tighter limits check them in their own rules.
 */
public final class TextGuard extends StdScalarDeserializer<String> {

    public static final int MAX_LENGTH = 10_000;
    public static final int MAX_ENTRIES = 1_000;

    public TextGuard() {
        super(String.class);
    }

    /** The module that puts this guard in place of Jackson's own string reader and bounds every list. */
    public static SimpleModule module() {
        SimpleModule module = new SimpleModule("eduweek-text-guard").addDeserializer(String.class, new TextGuard());
        module.setDeserializerModifier(new ValueDeserializerModifier() {
            @Override
            public ValueDeserializer<?> modifyCollectionDeserializer(DeserializationConfig config,
                    CollectionType type, BeanDescription.Supplier description, ValueDeserializer<?> deserializer) {
                return new BoundedCollection(deserializer);
            }
        });
        return module;
    }

    @Override
    public String deserialize(JsonParser p, DeserializationContext ctxt) {
        String value = StringDeserializer.instance.deserialize(p, ctxt);
        String problem = problem(value);
        if (problem != null) {
            throw new InputRuleException(p, problem, value);
        }
        return value;
    }

    /** What is wrong with the text, or null. */
    public static String problem(String value) {
        return problem(value, MAX_LENGTH, true);
    }

    /**
     * What is wrong with the text for a field of at most {@code max} characters, or null; a single-line field
     * takes no line breaks or tabs either.
     */
    public static String problem(String value, int max, boolean multiLine) {
        if (value == null) {
            return null;
        }
        if (value.length() > max) {
            return "is longer than " + max + " characters";
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            boolean lineBreak = c == '\t' || c == '\n' || c == '\r';
            if ((c < 0x20 || c == 0x7f) && !(multiLine && lineBreak)) {
                return multiLine ? "must not contain control characters"
                        : "must be one line without control characters";
            }
        }
        return null;
    }

    /** A value that breaks the rules above; its message is the field message clients see. */
    public static final class InputRuleException extends InvalidFormatException {

        InputRuleException(JsonParser p, String problem, Object value) {
            super(p, problem, value instanceof String s && s.length() > 40 ? s.substring(0, 40) : null,
                    value == null ? Object.class : value.getClass());
        }
    }

    /** A list reader that refuses more than {@value #MAX_ENTRIES} entries. */
    private static final class BoundedCollection extends DelegatingDeserializer {

        BoundedCollection(ValueDeserializer<?> delegate) {
            super(delegate);
        }

        @Override
        protected ValueDeserializer<?> newDelegatingInstance(ValueDeserializer<?> delegate) {
            return new BoundedCollection(delegate);
        }

        @Override
        public Object deserialize(JsonParser p, DeserializationContext ctxt) {
            Object value = super.deserialize(p, ctxt);
            if (value instanceof Collection<?> entries && entries.size() > MAX_ENTRIES) {
                throw new InputRuleException(p, "has more than " + MAX_ENTRIES + " entries", null);
            }
            return value;
        }
    }
}
