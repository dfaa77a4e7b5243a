package uk.org.lxp.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;

import org.junit.jupiter.api.Test;

import uk.org.lxp.http.ProblemType;
import uk.org.lxp.http.problems.PreconditionFailed;

class ETagsTest {

    @Test
    void aMissingIfMatchIs428AndAStaleOneIs412() {
        assertThatThrownBy(() -> ETags.requireMatch(null, 3)).isInstanceOfSatisfying(PreconditionFailed.class,
                e -> assertThat(e.type()).isEqualTo(ProblemType.PRECONDITION_REQUIRED));
        assertThatThrownBy(() -> ETags.requireMatch(" ", 3)).isInstanceOf(PreconditionFailed.class);
        assertThatThrownBy(() -> ETags.requireMatch("\"2\"", 3)).isInstanceOfSatisfying(PreconditionFailed.class,
                e -> {
                    assertThat(e.type()).isEqualTo(ProblemType.PRECONDITION_FAILED);
                    assertThat(e.getMessage()).contains("\"3\"");
                    assertThat(e.violations()).extracting(v -> v.field()).containsExactly("If-Match");
                });
    }

    @Test
    void theCurrentVersionWeakOrInAListOrAStarMatches() {
        assertThatCode(() -> ETags.requireMatch("\"3\"", 3)).doesNotThrowAnyException();
        assertThatCode(() -> ETags.requireMatch("W/\"3\"", 3)).doesNotThrowAnyException();
        assertThatCode(() -> ETags.requireMatch("\"1\", \"3\"", 3)).doesNotThrowAnyException();
        assertThatCode(() -> ETags.requireMatch("*", 3)).doesNotThrowAnyException();
        assertThatThrownBy(() -> ETags.requireMatch("3", 3)).isInstanceOf(PreconditionFailed.class);
    }

    @Test
    void responsesCarryTheVersionAsTheirETag() {
        assertThat(ETags.ok("body", 4).getEntityTag().getValue()).isEqualTo("4");
        var created = ETags.created(URI.create("/api/v1/things/1"), "body", 0);
        assertThat(created.getStatus()).isEqualTo(201);
        assertThat(created.getLocation()).hasToString("/api/v1/things/1");
        assertThat(ETags.of(7)).isEqualTo("\"7\"");
    }
}
