package uk.org.lxp.http.problems;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

import uk.org.lxp.http.StrictJsonReading;
import uk.org.lxp.http.Violation;

class JsonProblemsTest {

    enum Status { VACANT, FILLED }

    record Item(String postReference, BigDecimal fte, Status status, Integer sessions, LocalDate since, Boolean permanent) {
    }

    record Bulk(List<Item> posts) {
    }

    private final ObjectMapper json = strict(new ObjectMapper().enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .registerModule(new JavaTimeModule()));

    private static ObjectMapper strict(ObjectMapper mapper) {
        new StrictJsonReading().customize(mapper);
        return mapper;
    }

    @Test
    void eachFailureNamesTheJsonPathOfTheFieldAtFault() {
        assertThat(violation("{\"posts\":[{\"postReference\":\"A\"},{\"colour\":\"red\"}]}"))
                .isEqualTo(Violation.body("posts[1].colour", "is not a field of this request: remove it"));
        assertThat(violation("{\"posts\":[{\"fte\":\"lots\"}]}").field()).isEqualTo("posts[0].fte");
        assertThat(violation("{\"posts\":[{\"fte\":\"lots\"}]}").message()).isEqualTo("must be a number");
        assertThat(violation("{\"posts\":[{\"status\":\"HALF\"}]}").message()).isEqualTo("must be one of VACANT, FILLED");
        assertThat(violation("{\"posts\":{}}").message()).isEqualTo("must be an array");
    }

    @Test
    void aValueOfTheWrongTypeIsNotStretchedToFitButRefusedNamingItsField() {
        assertThat(violation("{\"posts\":[{\"postReference\":12345}]}")).isEqualTo(Violation.body("posts[0].postReference",
                "must be a string"));
        assertThat(violation("{\"posts\":[{\"sessions\":1.5}]}").field()).isEqualTo("posts[0].sessions");
        assertThat(violation("{\"posts\":[{\"fte\":\"0.8\"}]}").field()).isEqualTo("posts[0].fte");
        assertThat(violation("{\"posts\":[{\"since\":20000}]}").field()).isEqualTo("posts[0].since");
        assertThat(violation("{\"posts\":[{\"status\":1}]}").field()).isEqualTo("posts[0].status");
        assertThat(violation("{\"posts\":[{\"permanent\":1}]}").field()).isEqualTo("posts[0].permanent");
        assertThat(violation("{\"posts\":[{\"permanent\":\"yes\"}]}").field()).isEqualTo("posts[0].permanent");
    }

    @Test
    void aNumberTooLargeForItsFieldIsNamed() {
        assertThat(violation("{\"posts\":[{\"sessions\":99999999999999999999}]}"))
                .isEqualTo(Violation.body("posts[0].sessions", "is out of range for a whole number"));
    }

    @Test
    void valuesOfTheDocumentedTypesAreRead() throws Exception {
        Bulk read = json.readValue("{\"posts\":[{\"postReference\":\"A\",\"fte\":0.8,\"status\":\"FILLED\","
                + "\"sessions\":2,\"since\":\"2026-04-01\",\"permanent\":true}]}", Bulk.class);
        assertThat(read.posts()).containsExactly(new Item("A", new BigDecimal("0.8"), Status.FILLED, 2,
                LocalDate.of(2026, 4, 1), true));
    }

    @Test
    void malformedJsonSaysWhere() {
        assertThat(violation("{\"posts\": [").message()).startsWith("is not well-formed JSON");
        String deep = "[".repeat(3_000) + "]".repeat(3_000);
        JsonProcessingException tooDeep = catchThrowableOfType(JsonProcessingException.class, () -> json.readTree(deep));
        assertThat(JsonProblems.violation(tooDeep).message()).contains("nested too deeply");
    }

    private Violation violation(String body) {
        JsonProcessingException e = catchThrowableOfType(JsonProcessingException.class, () -> json.readValue(body, Bulk.class));
        return JsonProblems.violation(e);
    }
}
