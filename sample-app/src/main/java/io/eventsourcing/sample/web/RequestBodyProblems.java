package io.eventsourcing.sample.web;

import java.math.BigDecimal;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.http.converter.HttpMessageNotReadableException;
import tools.jackson.core.JacksonException;
import tools.jackson.core.TokenStreamLocation;
import tools.jackson.core.exc.InputCoercionException;
import tools.jackson.core.exc.StreamConstraintsException;
import tools.jackson.core.exc.StreamReadException;
import tools.jackson.databind.exc.MismatchedInputException;
import tools.jackson.databind.exc.UnrecognizedPropertyException;

/**
 * Says what is wrong with a request body that cannot be read, in the terms of the API (fields, JSON, kinds of
 * value), never in those of its implementation (Java types, parser classes).
 */
final class RequestBodyProblems {

    private static final Map<Class<?>, String> KINDS = Map.of(String.class, "text", Integer.class, "a whole number",
            int.class, "a whole number", Long.class, "a whole number", long.class, "a whole number",
            Boolean.class, "true or false", boolean.class, "true or false", UUID.class, "a UUID",
            BigDecimal.class, "a number");

    private RequestBodyProblems() {
    }

    static String describe(HttpMessageNotReadableException e) {
        for (Throwable cause = e.getCause(); cause != null; cause = cause.getCause()) {
            if (cause instanceof JacksonException json) {
                return describe(json);
            }
        }
        return String.valueOf(e.getMessage()).startsWith("Required request body is missing")
                ? "Required request body is missing" : "The request body cannot be read";
    }

    private static String describe(JacksonException e) {
        String field = e.getPath().stream()
                .map(reference -> reference.getPropertyName() != null
                        ? reference.getPropertyName() : "[" + reference.getIndex() + "]")
                .collect(Collectors.joining("."));
        if (e instanceof StreamConstraintsException) {
            return "The request body is nested too deeply, or holds a value too long, to be read";
        }
        if (e instanceof UnrecognizedPropertyException) {
            return "Field '" + field + "' is not part of this request";
        }
        if (e instanceof InputCoercionException) {
            return "Field '" + field + "' holds a number out of range";
        }
        if (e instanceof MismatchedInputException mismatch) {
            return field.isEmpty() ? "The request body must be a JSON object"
                    : "Field '" + field + "' must be " + KINDS.getOrDefault(mismatch.getTargetType(), "another kind of value");
        }
        if (e instanceof StreamReadException) {
            TokenStreamLocation location = e.getLocation();
            return "The request body is not well-formed JSON" + (location == null ? ""
                    : " (line " + location.getLineNr() + ", column " + location.getColumnNr() + ")");
        }
        return "The request body cannot be read";
    }
}
