package uk.org.lxp.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

class NationalDataSetTest {

    private final NationalDataSet data = new NationalDataSet(220, 5_000, 6_800, List.of("QWO", "QOP", "QYG"));

    @Test
    void everyPostIsGivenToATrustAndTheTrustsShareThemEvenly() {
        assertThat(IntStream.range(0, 220).map(data::postsOf).sum()).isEqualTo(5_000);
        assertThat(IntStream.range(0, 220).map(data::postsOf).distinct()).containsExactlyInAnyOrder(22, 23);
    }

    @Test
    void trustsHaveDistinctOdsLikeCodesAndTakeTheIcbsInTurn() {
        List<String> codes = data.trustCodes();

        assertThat(codes).hasSize(220).doesNotHaveDuplicates().allMatch(code -> code.matches("[A-Z0-9]{3,10}"));
        assertThat(List.of(data.icbOf(0), data.icbOf(1), data.icbOf(2), data.icbOf(3))).containsExactly("QWO", "QOP", "QYG", "QWO");
        assertThat(data.organisation(0)).containsEntry("odsCode", "LXB001").containsEntry("type", "NHS_TRUST")
                .containsEntry("icbMemberships", List.of(Map.of("icbOdsCode", "QWO", "validFrom", "2022-07-01")));
    }

    @Test
    @SuppressWarnings("unchecked")
    void comparatorsAreOnPointsTheirBandHasAcrossTenStaffGroups() {
        List<Map<String, Object>> records = (List<Map<String, Object>>) data.comparators().get("records");
        Map<String, Integer> pointsOfBand = Map.of("BAND_2", 1, "BAND_3", 2, "BAND_4", 2, "BAND_5", 3, "BAND_6", 3, "BAND_7", 3);

        assertThat(records).hasSize(6_800);
        assertThat(records).allSatisfy(record -> {
            assertThat((int) record.get("point")).isBetween(1, pointsOfBand.get((String) record.get("band")));
            assertThat(record.get("fte")).isInstanceOf(BigDecimal.class);
        });
        assertThat(records.stream().map(record -> record.get("staffGroupCode")).distinct()).hasSize(10);
        assertThat(records.stream().filter(record -> record.get("band").equals("BAND_7")).map(record -> record.get("point"))
                .distinct()).containsExactlyInAnyOrder(1, 2, 3);
    }

    @Test
    void theYardstickDescribesTheDayTheServiceDescribes() {
        assertThat(BenchmarksQueryBenchmark.figuresDay(java.time.LocalDate.of(2026, 12, 5))).isEqualTo("2026-12-05");
        assertThat(BenchmarksQueryBenchmark.figuresDay(java.time.LocalDate.of(2027, 4, 1))).isEqualTo("2027-03-31");
    }

    @Test
    void withoutAnIcbThereIsNowhereToPutATrust() {
        assertThatThrownBy(() -> new NationalDataSet(1, 1, 1, List.of())).isInstanceOf(BenchException.class);
    }
}
