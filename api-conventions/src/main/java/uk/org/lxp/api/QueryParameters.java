package uk.org.lxp.api;

import java.util.Arrays;
import java.util.stream.Collectors;

import jakarta.ws.rs.BadRequestException;

/**
 * Reads filter parameters. JAX-RS answers 404 when it cannot convert a query parameter; a misspelt filter is the
 * client's mistake and deserves a 400 that lists the values that would work.
 */
public final class QueryParameters {

    private QueryParameters() {
    }

    public static <E extends Enum<E>> E enumValue(Class<E> type, String name, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Enum.valueOf(type, value.trim());
        } catch (IllegalArgumentException unknown) {
            throw new BadRequestException("Query parameter " + name + " must be one of "
                    + Arrays.stream(type.getEnumConstants()).map(Enum::name).collect(Collectors.joining(", ")));
        }
    }
}
