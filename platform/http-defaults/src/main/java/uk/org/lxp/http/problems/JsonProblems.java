package uk.org.lxp.http.problems;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.exc.InputCoercionException;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;

import uk.org.lxp.http.Violation;

/** Says which part of a JSON body could not be read, and why, in words a client developer can act on. */
final class JsonProblems {

    private JsonProblems() {
    }

    static Violation violation(JsonProcessingException e) {
        if (e instanceof StreamConstraintsException) {
            return Violation.body("(body)", "is nested too deeply or too large to read");
        }
        if (e instanceof UnrecognizedPropertyException unknown) {
            return Violation.body(ViolationPaths.jsonPath(unknown), "is not a field of this request: remove it");
        }
        if (e instanceof InvalidFormatException format) {
            return Violation.body(ViolationPaths.jsonPath(format), mustBe(format.getTargetType()));
        }
        if (e instanceof ValueInstantiationException instantiation && instantiation.getCause() != null) {
            return Violation.body(ViolationPaths.jsonPath(instantiation), instantiation.getCause().getMessage());
        }
        if (e instanceof MismatchedInputException mismatched) {
            String field = ViolationPaths.jsonPath(mismatched);
            Class<?> target = mismatched.getTargetType();
            return Violation.body(field, target == null ? "has the wrong type" : mustBe(target));
        }
        if (e instanceof JsonMappingException mapping && mapping.getCause() instanceof InputCoercionException range) {
            // A well-formed number too large for its field (Jackson names the field only on the wrapper).
            return Violation.body(ViolationPaths.jsonPath(mapping), range.getTargetType() == null ? "is out of range"
                    : "is out of range for " + mustBe(range.getTargetType()).replaceFirst("^must be ", ""));
        }
        JsonLocation at = e.getLocation();
        String where = at == null ? "" : " at line " + at.getLineNr() + ", column " + at.getColumnNr();
        return Violation.body("(body)", "is not well-formed JSON" + where);
    }

    private static String mustBe(Class<?> type) {
        if (type == null) {
            return "has the wrong type";
        }
        if (type.isEnum()) {
            return "must be one of " + ProblemMappers.allowedValues(type);
        }
        if (java.util.Collection.class.isAssignableFrom(type) || type.isArray()) {
            return "must be an array";
        }
        return switch (type.getSimpleName()) {
            case "Instant" -> "must be an instant such as 2026-01-01T09:00:00Z";
            case "LocalDate" -> "must be a date such as 2026-04-01";
            case "LocalTime" -> "must be a time such as 14:00";
            case "UUID" -> "must be a UUID";
            case "BigDecimal", "Double", "double", "Float", "float" -> "must be a number";
            case "Integer", "int", "Long", "long", "Short", "short" -> "must be a whole number";
            case "Boolean", "boolean" -> "must be true or false";
            case "String" -> "must be a string";
            default -> "must be an object of the documented shape";
        };
    }
}
