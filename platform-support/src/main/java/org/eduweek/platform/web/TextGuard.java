package org.eduweek.platform.web;

import tools.jackson.core.JsonParser;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.deser.jdk.StringDeserializer;
import tools.jackson.databind.deser.std.StdScalarDeserializer;
import tools.jackson.databind.exc.InvalidFormatException;
import tools.jackson.databind.module.SimpleModule;

/**
 * Every string a service reads from JSON, in requests as in events: at most {@value #MAX_LENGTH} characters and no
 * control characters but tab, line feed and carriage return (multi-line descriptions keep their lines). A NUL or
 * an escape sequence in a title ends up in mail subjects, calendar files and CSV exports; a megabyte in one field
 * ends up in every copy of the document. Fields with tighter limits check them in their own rules.
 */
public final class TextGuard extends StdScalarDeserializer<String> {

    public static final int MAX_LENGTH = 10_000;

    public TextGuard() {
        super(String.class);
    }

    /** The module that puts this guard in place of Jackson's own string reader. */
    public static SimpleModule module() {
        return new SimpleModule("eduweek-text-guard").addDeserializer(String.class, new TextGuard());
    }

    @Override
    public String deserialize(JsonParser p, DeserializationContext ctxt) {
        String value = StringDeserializer.instance.deserialize(p, ctxt);
        String problem = problem(value);
        if (problem != null) {
            throw new InvalidTextException(p, problem, value);
        }
        return value;
    }

    /** What is wrong with the text, or null. */
    public static String problem(String value) {
        if (value == null) {
            return null;
        }
        if (value.length() > MAX_LENGTH) {
            return "is longer than " + MAX_LENGTH + " characters";
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if ((c < 0x20 && c != '\t' && c != '\n' && c != '\r') || c == 0x7f) {
                return "must not contain control characters";
            }
        }
        return null;
    }

    /** A string that breaks the rules above; its message is the field message clients see. */
    public static final class InvalidTextException extends InvalidFormatException {

        InvalidTextException(JsonParser p, String problem, String value) {
            super(p, problem, value.length() > 40 ? value.substring(0, 40) : value, String.class);
        }
    }
}
