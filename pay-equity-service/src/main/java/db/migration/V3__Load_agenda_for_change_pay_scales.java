package db.migration;

import java.math.BigDecimal;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.Types;
import java.time.LocalDate;

import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

import uk.org.lxp.api.persistence.ReferenceCsv;

/** Loads the shipped Agenda for Change pay points (2025/26 and 2026/27) from the reference CSV. */
public class V3__Load_agenda_for_change_pay_scales extends BaseJavaMigration {

    private static final String RESOURCE = "reference/afc-pay-scales-england.csv";
    private static final String HEADER = "pay_year,effective_from,band,point,annual_gbp,years_to_next_point";

    @Override
    public void migrate(Context context) throws Exception {
        try (PreparedStatement insert = context.getConnection().prepareStatement("""
                INSERT INTO pay_point (pay_year, effective_from, band, point, annual_gbp, years_to_next_point)
                VALUES (?, ?, ?, ?, ?, ?)
                """)) {
            for (String[] cells : ReferenceCsv.rows(RESOURCE, HEADER)) {
                // The reference file writes pay years as NHS Employers do (2025/26); the suite writes them 2025-26 everywhere.
                insert.setString(1, cells[0].replace('/', '-'));
                insert.setDate(2, Date.valueOf(LocalDate.parse(cells[1])));
                insert.setString(3, cells[2]);
                insert.setShort(4, Short.parseShort(cells[3]));
                insert.setBigDecimal(5, new BigDecimal(cells[4]));
                if (cells[5].isEmpty()) {
                    insert.setNull(6, Types.SMALLINT);
                } else {
                    insert.setShort(6, Short.parseShort(cells[5]));
                }
                insert.addBatch();
            }
            insert.executeBatch();
        }
    }
}
