package db.migration;

import java.sql.Date;
import java.sql.PreparedStatement;
import java.time.LocalDate;

import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

import uk.org.lxp.api.persistence.ReferenceCsv;

/** Loads the shipped England and Wales bank holidays (2025 to 2030); one-off holidays are added through the API. */
public class V3__Load_bank_holidays extends BaseJavaMigration {

    private static final String RESOURCE = "reference/bank-holidays-england-wales.csv";
    private static final String HEADER = "date,name";

    @Override
    public void migrate(Context context) throws Exception {
        try (PreparedStatement insert = context.getConnection().prepareStatement(
                "INSERT INTO bank_holiday (day, name, one_off) VALUES (?, ?, false)")) {
            for (String[] cells : ReferenceCsv.rows(RESOURCE, HEADER)) {
                insert.setDate(1, Date.valueOf(LocalDate.parse(cells[0])));
                insert.setString(2, cells[1].strip());
                insert.addBatch();
            }
            insert.executeBatch();
        }
    }
}
