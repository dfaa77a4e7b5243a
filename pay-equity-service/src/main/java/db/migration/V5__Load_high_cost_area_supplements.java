package db.migration;

import java.math.BigDecimal;
import java.sql.PreparedStatement;

import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

import uk.org.lxp.api.persistence.ReferenceCsv;

/** Loads the High Cost Area Supplement zones (NHS terms and conditions, Annex 9) from the reference CSV. */
public class V5__Load_high_cost_area_supplements extends BaseJavaMigration {

    private static final String RESOURCE = "reference/hcas-england.csv";
    private static final String HEADER = "pay_year,zone,percent_of_basic,min_gbp,max_gbp";

    @Override
    public void migrate(Context context) throws Exception {
        try (PreparedStatement insert = context.getConnection().prepareStatement(
                "INSERT INTO hcas_zone (pay_year, zone, percent_of_basic, min_gbp, max_gbp) VALUES (?, ?, ?, ?, ?)")) {
            for (String[] cells : ReferenceCsv.rows(RESOURCE, HEADER)) {
                // The reference file writes pay years as NHS Employers do (2025/26); the suite writes them 2025-26 everywhere.
                insert.setString(1, cells[0].replace('/', '-'));
                insert.setString(2, cells[1]);
                insert.setBigDecimal(3, new BigDecimal(cells[2]));
                insert.setBigDecimal(4, new BigDecimal(cells[3]));
                insert.setBigDecimal(5, new BigDecimal(cells[4]));
                insert.addBatch();
            }
            insert.executeBatch();
        }
    }
}
