package uk.org.lxp.http.problems;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.annotation.Annotation;
import java.time.Instant;
import java.util.UUID;

import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.ext.ParamConverter;

import org.junit.jupiter.api.Test;

import uk.org.lxp.http.ProblemType;

class ParameterConvertersTest {

    enum Colour { RED, GREEN }

    private final ParameterConverters converters = new ParameterConverters();

    @Test
    void anUnreadableValueIsABadRequestNamingTheParameterAndItsForm() {
        ParamConverter<Instant> asOf = converters.getConverter(Instant.class, Instant.class, new Annotation[] {query("asOf")});
        assertThatThrownBy(() -> asOf.fromString("yesterday")).isInstanceOfSatisfying(InvalidRequest.class, e -> {
            assertThat(e.type()).isEqualTo(ProblemType.INVALID_REQUEST);
            assertThat(e.violations()).singleElement().satisfies(v -> {
                assertThat(v.field()).isEqualTo("asOf");
                assertThat(v.in()).isEqualTo("query");
                assertThat(v.message()).contains("instant");
            });
        });
        ParamConverter<UUID> id = converters.getConverter(UUID.class, UUID.class, new Annotation[] {path("id")});
        assertThatThrownBy(() -> id.fromString("1-2-3-4-5")).isInstanceOfSatisfying(InvalidRequest.class,
                e -> assertThat(e.violations().get(0).in()).isEqualTo("path"));
        ParamConverter<Colour> colour = converters.getConverter(Colour.class, Colour.class, new Annotation[] {query("colour")});
        assertThatThrownBy(() -> colour.fromString("BLUE")).hasMessageContaining("RED, GREEN");
    }

    @Test
    void readableValuesReadAndAbsentOrEmptyOnesAreNotGiven() {
        ParamConverter<Instant> asOf = converters.getConverter(Instant.class, Instant.class, new Annotation[] {query("asOf")});
        assertThat(asOf.fromString("2026-01-01T00:00:00Z")).isEqualTo(Instant.parse("2026-01-01T00:00:00Z"));
        assertThat(asOf.fromString("")).isNull();
        ParamConverter<Integer> page = converters.getConverter(int.class, int.class, new Annotation[] {query("page")});
        assertThat(page.fromString(null)).isZero();
        assertThat(converters.getConverter(String.class, String.class, new Annotation[] {query("title")})).isNull();
        assertThat(converters.getConverter(Instant.class, Instant.class, new Annotation[0])).isNull();
    }

    private static QueryParam query(String name) {
        return new QueryParam() {
            @Override
            public String value() {
                return name;
            }

            @Override
            public Class<? extends Annotation> annotationType() {
                return QueryParam.class;
            }
        };
    }

    private static PathParam path(String name) {
        return new PathParam() {
            @Override
            public String value() {
                return name;
            }

            @Override
            public Class<? extends Annotation> annotationType() {
                return PathParam.class;
            }
        };
    }
}
