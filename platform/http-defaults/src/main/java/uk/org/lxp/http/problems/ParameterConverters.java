package uk.org.lxp.http.problems;

import java.lang.annotation.Annotation;
import java.lang.reflect.Type;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;

import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.ext.ParamConverter;
import jakarta.ws.rs.ext.ParamConverterProvider;
import jakarta.ws.rs.ext.Provider;

import uk.org.lxp.http.Violation;

/**
 * Reads path, query and header parameters so that a value that cannot be read is a 400 naming the parameter and the
 * form it must take. Without this, JAX-RS answers 404 with no body for an unreadable query parameter, which tells a
 * client its typo is a missing resource.
 */
@Provider
public class ParameterConverters implements ParamConverterProvider {

    /**
     * How to read one type, what it must look like, and what an absent primitive stands for (as JAX-RS says). A
     * boolean parameter is read as {@code Boolean}: the framework fills an absent primitive one with "0".
     */
    private record Reader(Function<String, Object> read, String form, Object absent) {

        Reader(Function<String, Object> read, String form) {
            this(read, form, null);
        }
    }

    private static final Map<Class<?>, Reader> READERS = Map.ofEntries(
            Map.entry(Instant.class, new Reader(Instant::parse, "must be an instant such as 2026-01-01T09:00:00Z")),
            Map.entry(LocalDate.class, new Reader(LocalDate::parse, "must be a date such as 2026-04-01")),
            Map.entry(UUID.class, new Reader(ParameterConverters::uuid, "must be a UUID")),
            Map.entry(Integer.class, new Reader(Integer::valueOf, "must be a whole number")),
            Map.entry(int.class, new Reader(Integer::valueOf, "must be a whole number", 0)),
            Map.entry(Long.class, new Reader(Long::valueOf, "must be a whole number")),
            Map.entry(long.class, new Reader(Long::valueOf, "must be a whole number", 0L)),
            Map.entry(BigDecimal.class, new Reader(BigDecimal::new, "must be a number")),
            Map.entry(Boolean.class, new Reader(ParameterConverters::bool, "must be true or false")));

    @Override
    @SuppressWarnings("unchecked")
    public <T> ParamConverter<T> getConverter(Class<T> rawType, Type genericType, Annotation[] annotations) {
        String name = null;
        String in = null;
        for (Annotation annotation : annotations) {
            if (annotation instanceof QueryParam query) {
                name = query.value();
                in = "query";
            } else if (annotation instanceof PathParam path) {
                name = path.value();
                in = "path";
            } else if (annotation instanceof HeaderParam header) {
                name = header.value();
                in = "header";
            }
        }
        if (name == null) {
            return null;
        }
        Reader reader = rawType.isEnum() ? enumReader(rawType) : READERS.get(rawType);
        return reader == null ? null : (ParamConverter<T>) new Converter(reader, new Violation(name, in, reader.form()));
    }

    private static Reader enumReader(Class<?> type) {
        return new Reader(value -> enumValue(type, value), "must be one of " + ProblemMappers.allowedValues(type));
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static Object enumValue(Class<?> type, String value) {
        return Enum.valueOf((Class) type, value.trim());
    }

    private static UUID uuid(String value) {
        if (value.length() != 36) {
            throw new IllegalArgumentException("not 36 characters");
        }
        return UUID.fromString(value);
    }

    private static Boolean bool(String value) {
        return switch (value) {
            case "true" -> Boolean.TRUE;
            case "false" -> Boolean.FALSE;
            default -> throw new IllegalArgumentException("not true or false");
        };
    }

    private record Converter(Reader reader, Violation violation) implements ParamConverter<Object> {

        @Override
        public Object fromString(String value) {
            // An empty value (?asOf=) is a parameter not given, as forms and Swagger UI send it.
            if (value == null || value.isEmpty()) {
                return reader.absent();
            }
            try {
                return reader.read().apply(value);
            } catch (IllegalArgumentException | DateTimeParseException unreadable) {
                throw InvalidRequest.of(violation);
            }
        }

        @Override
        public String toString(Object value) {
            return String.valueOf(value);
        }
    }
}
