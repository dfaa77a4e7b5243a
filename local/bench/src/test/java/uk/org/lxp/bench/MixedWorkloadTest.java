package uk.org.lxp.bench;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.http.HttpRequest;
import java.nio.ByteBuffer;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Flow;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;

class MixedWorkloadTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final MixedWorkload workload = new MixedWorkload("http://127.0.0.1:8080", client -> "token-of-" + client,
            new ImportDataSet("RGD", List.of(UUID.fromString("3f1c2d9e-1b7a-4c8e-9a55-0d6a2f4b7c11"))),
            LocalDate.of(2026, 12, 5));

    @Test
    void aCycleIsSeventyPerCentReadsAndWritesNeverComeTwoInARow() {
        assertThat(MixedWorkload.CYCLE).hasSize(20).filteredOn(MixedWorkload.Kind::isRead).hasSize(14);
        for (int slot = 0; slot < MixedWorkload.CYCLE.size(); slot++) {
            boolean write = !MixedWorkload.CYCLE.get(slot).isRead();
            boolean nextIsWrite = !MixedWorkload.CYCLE.get((slot + 1) % MixedWorkload.CYCLE.size()).isRead();
            assertThat(write && nextIsWrite).as("slots %d and %d are both writes", slot, slot + 1).isFalse();
        }
    }

    @Test
    void eachClientSendsItsOwnTokenAndEveryWriteItsOwnIdempotencyKey() {
        List<FixedRateLoad.Call> calls = cycles(1);

        FixedRateLoad.Call benchmarks = only(calls, call -> call.kind().startsWith("GET /api/v1/benchmarks"));
        assertThat(benchmarks.request().uri().toString())
                .isEqualTo("http://127.0.0.1:8080/api/v1/benchmarks?icb=QWO&payYear=2026-27");
        assertThat(benchmarks.request().headers().firstValue("Authorization")).hasValue("Bearer token-of-ics-dashboard-qwo");
        List<FixedRateLoad.Call> writes = calls.stream().filter(call -> call.request().method().equals("POST")).toList();
        assertThat(writes).hasSize(6).allSatisfy(write -> {
            assertThat(write.expectedStatus()).isEqualTo(200);
            assertThat(write.request().headers().firstValue("Authorization")).hasValue("Bearer token-of-hr-rgd");
        });
        assertThat(writes.stream().map(write -> write.request().headers().firstValue("Idempotency-Key").orElseThrow()).distinct())
                .hasSize(6);
    }

    @Test
    void writesChangeTheEstablishmentRoundAndRoundEachTimeToSomethingElse() throws IOException {
        List<FixedRateLoad.Call> calls = cycles(MixedWorkload.POSTS / 2 + 1);

        List<JsonNode> posts = bodies(calls, "POST /api/v1/posts/bulk");
        assertThat(posts).hasSizeGreaterThan(MixedWorkload.POSTS);
        JsonNode first = posts.get(0).path("posts").get(0);
        JsonNode sameAgain = posts.get(MixedWorkload.POSTS).path("posts").get(0);
        assertThat(sameAgain.path("postReference")).isEqualTo(first.path("postReference"));
        assertThat(sameAgain.path("team")).isNotEqualTo(first.path("team"));
        assertThat(posts.subList(0, MixedWorkload.POSTS).stream().map(body -> body.path("posts").get(0).path("postReference")).distinct())
                .hasSize(MixedWorkload.POSTS);

        List<JsonNode> pay = bodies(calls, "POST /api/v1/pay-records/bulk");
        JsonNode firstPay = pay.get(0).path("records").get(0);
        JsonNode payAgain = pay.get(MixedWorkload.POSTS).path("records").get(0);
        assertThat(payAgain.path("postReference")).isEqualTo(firstPay.path("postReference"));
        assertThat(payAgain.path("point")).isNotEqualTo(firstPay.path("point"));

        List<JsonNode> supervisors = bodies(calls, "POST /api/v1/supervisors/bulk");
        JsonNode firstSupervisor = supervisors.get(0).path("supervisors").get(0);
        JsonNode supervisorAgain = supervisors.get(MixedWorkload.SUPERVISORS).path("supervisors").get(0);
        assertThat(supervisorAgain.path("staffReference")).isEqualTo(firstSupervisor.path("staffReference"));
        assertThat(supervisorAgain.path("maxSupervisees")).isNotEqualTo(firstSupervisor.path("maxSupervisees"));
    }

    @Test
    void thePayYearTurnsOnTheFirstOfApril() {
        assertThat(MixedWorkload.payYear(LocalDate.of(2027, 3, 31))).isEqualTo("2026-27");
        assertThat(MixedWorkload.payYear(LocalDate.of(2027, 4, 1))).isEqualTo("2027-28");
        assertThat(MixedWorkload.payYear(LocalDate.of(2099, 12, 1))).isEqualTo("2099-00");
    }

    private List<FixedRateLoad.Call> cycles(int count) {
        List<FixedRateLoad.Call> calls = new ArrayList<>();
        for (int slot = 0; slot < count * MixedWorkload.CYCLE.size(); slot++) {
            calls.add(workload.callAt(slot));
        }
        return calls;
    }

    private static FixedRateLoad.Call only(List<FixedRateLoad.Call> calls, Predicate<FixedRateLoad.Call> which) {
        List<FixedRateLoad.Call> matching = calls.stream().filter(which).toList();
        assertThat(matching).hasSize(1);
        return matching.get(0);
    }

    private static List<JsonNode> bodies(List<FixedRateLoad.Call> calls, String kind) throws IOException {
        List<JsonNode> bodies = new ArrayList<>();
        for (FixedRateLoad.Call call : calls) {
            if (call.kind().startsWith(kind)) {
                bodies.add(JSON.readTree(body(call.request())));
            }
        }
        return bodies;
    }

    /** The bytes a request's body publisher sends (a byte-array publisher sends them at once, on subscription). */
    private static byte[] body(HttpRequest request) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        request.bodyPublisher().orElseThrow().subscribe(new Flow.Subscriber<>() {
            @Override
            public void onSubscribe(Flow.Subscription subscription) {
                subscription.request(Long.MAX_VALUE);
            }

            @Override
            public void onNext(ByteBuffer item) {
                byte[] chunk = new byte[item.remaining()];
                item.get(chunk);
                bytes.writeBytes(chunk);
            }

            @Override
            public void onError(Throwable throwable) {
                throw new AssertionError(throwable);
            }

            @Override
            public void onComplete() {
                // Everything has arrived.
            }
        });
        return bytes.toByteArray();
    }
}
