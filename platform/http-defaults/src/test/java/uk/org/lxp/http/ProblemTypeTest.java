package uk.org.lxp.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;

class ProblemTypeTest {

    @Test
    void everyKindHasItsOwnTypeAndAClientErrorOrServerErrorStatus() {
        List<String> types = Arrays.stream(ProblemType.values()).map(ProblemType::uri).toList();
        assertThat(types).doesNotHaveDuplicates().allMatch(type -> type.matches("/problems/[a-z-]+"));
        assertThat(ProblemType.values()).allMatch(type -> type.status() >= 400 && type.status() < 600
                && !type.title().isBlank() && !type.meaning().isBlank());
        assertThat(ProblemType.RULE_BROKEN.uri()).isEqualTo("/problems/rule-broken");
    }

    @Test
    void aBareStatusStandsForItsFirstKind() {
        assertThat(ProblemType.forStatus(404)).isEqualTo(ProblemType.NOT_FOUND);
        assertThat(ProblemType.forStatus(422)).isEqualTo(ProblemType.RULE_BROKEN);
        assertThat(ProblemType.forStatus(418)).isEqualTo(ProblemType.INVALID_REQUEST);
        assertThat(ProblemType.forStatus(599)).isEqualTo(ProblemType.INTERNAL_ERROR);
    }

    @Test
    void aProblemDocumentAlwaysHasItsViolationsList() {
        Problem problem = Problem.of(ProblemType.CONFLICT, "It exists", "/api/v1/things", "req-1", null);
        assertThat(problem.violations()).isEmpty();
        assertThat(ProblemResponses.write(problem)).contains("\"type\":\"/problems/conflict\"")
                .contains("\"status\":409").contains("\"requestId\":\"req-1\"").contains("\"violations\":[]");
    }
}
