package uk.org.lxp.http.problems;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.math.BigDecimal;
import java.util.List;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;

import uk.org.lxp.http.Violation;

class JsonProblemsTest {

    enum Status { VACANT, FILLED }

    record Item(String postReference, BigDecimal fte, Status status) {
    }

    record Bulk(List<Item> posts) {
    }

    private final ObjectMapper json = new ObjectMapper().enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

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
