package uk.org.lxp.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class WrkResultTest {

    private static final String CLEAN_RUN = """
            Running 12s test @ http://127.0.0.1:8081/api/v1/organisations/RGD
              2 threads and 16 connections
              Thread Stats   Avg      Stdev     Max   +/- Stdev
                Latency     4.65ms    3.21ms  40.12ms   82.17%
                Req/Sec     1.80k   210.33     2.30k    70.00%
              Latency Distribution
                 50%  388.00us
                 75%    5.80ms
                 90%    8.33ms
                 99%    1.20s
              43012 requests in 12.01s, 22.13MB read
            Requests/sec:   3581.34
            Transfer/sec:      1.84MB
            """;

    @Test
    void readsThroughputAndPercentilesInMilliseconds() {
        WrkResult result = WrkResult.parse(CLEAN_RUN);

        assertThat(result.requestsPerSecond()).isEqualTo(3581.34);
        assertThat(result.requests()).isEqualTo(43012);
        assertThat(result.p50Millis()).isEqualTo(0.388);
        assertThat(result.p90Millis()).isEqualTo(8.33);
        assertThat(result.p99Millis()).isEqualTo(1200.0);
        assertThat(result.failures()).isZero();
    }

    @Test
    void countsAnswersOtherThanSuccessAndSocketErrorsAsFailures() {
        String withErrors = CLEAN_RUN.replace("Requests/sec:", """
                  Socket errors: connect 1, read 2, write 0, timeout 4
                  Non-2xx or 3xx responses: 12
                Requests/sec:""");

        assertThat(WrkResult.parse(withErrors).failures()).isEqualTo(19);
    }

    @Test
    void refusesOutputWithoutTheLatencyDistribution() {
        String withoutDistribution = CLEAN_RUN.replaceAll("(?s)  Latency Distribution.*99%\\s+1.20s\n", "");

        assertThatThrownBy(() -> WrkResult.parse(withoutDistribution)).hasMessageContaining("--latency");
    }
}
