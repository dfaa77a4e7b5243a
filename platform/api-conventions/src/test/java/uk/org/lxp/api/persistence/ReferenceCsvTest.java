package uk.org.lxp.api.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ReferenceCsvTest {

    @Test
    void rowsHaveTheHeadersCellsTheLastKeepingAnyCommaAndBlankLinesAreSkipped() {
        assertThat(ReferenceCsv.rows("reference/sample-holidays.csv", "day,name"))
                .containsExactly(new String[] {"2027-06-07", "Bank holiday, for a state occasion"},
                        new String[] {"2027-12-27", "Christmas Day (substitute day)"});
    }

    @Test
    void aMissingFileOrAnotherHeaderStopsTheMigration() {
        assertThatThrownBy(() -> ReferenceCsv.rows("reference/none.csv", "day,name")).hasMessageContaining("missing");
        assertThatThrownBy(() -> ReferenceCsv.rows("reference/sample-holidays.csv", "date,name"))
                .hasMessageContaining("does not start with date,name");
    }
}
