package dev.attest.common.problem;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import java.util.Collection;
import java.util.Map;

/**
 * Says what is wrong with a request body in the client's terms (the JSON field and the JSON type it needs),
 * never in Java's, and without echoing the body's values.
 */
final class JsonErrors {
    private JsonErrors() {}

    static String describe(JsonProcessingException e) {
        if (e instanceof UnrecognizedPropertyException unknown) {
            return "The request body has a field this operation does not know: " + unknown.getPropertyName() + ".";
        }
        if (e instanceof MismatchedInputException mismatch) {
            String field = field(mismatch);
            String expected = jsonType(mismatch.getTargetType());
            String where = field.isEmpty() ? "The request body" : "The field " + field;
            return expected == null ? where + " has the wrong JSON type." : where + " must be " + expected + ".";
        }
        if (e instanceof JsonMappingException mapping && !field(mapping).isEmpty()) {
            return "The field " + field(mapping) + " cannot be read.";
        }
        // A syntax error: Jackson's own words name the position and at most a token of the body.
        return "The request body is not valid JSON: " + e.getOriginalMessage();
    }

    /** The path of the field as the client wrote it: {@code owners[1].name}. */
    private static String field(JsonMappingException e) {
        StringBuilder path = new StringBuilder();
        for (JsonMappingException.Reference reference : e.getPath()) {
            if (reference.getFieldName() != null) {
                if (!path.isEmpty()) {
                    path.append('.');
                }
                path.append(reference.getFieldName());
            } else if (reference.getIndex() >= 0) {
                path.append('[').append(reference.getIndex()).append(']');
            }
        }
        return path.toString();
    }

    private static String jsonType(Class<?> type) {
        if (type == null) {
            return null;
        }
        if (CharSequence.class.isAssignableFrom(type) || type.isEnum()) {
            return "a string";
        }
        if (type == boolean.class || type == Boolean.class) {
            return "a boolean";
        }
        if (type.isPrimitive() || Number.class.isAssignableFrom(type)) {
            return "a number";
        }
        if (type.isArray() || Collection.class.isAssignableFrom(type)) {
            return "an array";
        }
        if (Map.class.isAssignableFrom(type)
                || type.isRecord()
                || !type.getName().startsWith("java.")) {
            return "an object";
        }
        return null;
    }
}
