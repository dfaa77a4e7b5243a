package db.migration;

import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.time.LocalDate;

import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

/** Loads the shipped Agenda for Change pay points (2025/26 and 2026/27) from the reference CSV. */
public class V3__Load_agenda_for_change_pay_scales extends BaseJavaMigration {

    private static final String RESOURCE = "reference/afc-pay-scales-england.csv";
    private static final String HEADER = "pay_year,effective_from,band,point,annual_gbp,years_to_next_point";

    @Override
    public void migrate(Context context) throws Exception {
        try (InputStream in = getClass().getClassLoader().getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is missing from the application");
            }
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            if (!HEADER.equals(reader.readLine())) {
                throw new IllegalStateException(RESOURCE + " does not start with " + HEADER);
            }
            try (PreparedStatement insert = context.getConnection().prepareStatement("""
                    INSERT INTO pay_point (pay_year, effective_from, band, point, annual_gbp, years_to_next_point)
                    VALUES (?, ?, ?, ?, ?, ?)
                    """)) {
                String line;
                while ((line = reader.readLine()) != null) {
                    if (line.isBlank()) {
                        continue;
                    }
                    String[] cells = line.split(",", -1);
                    // The reference file writes pay years as NHS Employers do (2025/26); the suite writes them 2025-26 everywhere.
                    insert.setString(1, cells[0].replace('/', '-'));
                    insert.setDate(2, Date.valueOf(LocalDate.parse(cells[1])));
                    insert.setString(3, cells[2]);
                    insert.setShort(4, Short.parseShort(cells[3]));
                    insert.setBigDecimal(5, new BigDecimal(cells[4]));
                    if (cells[5].isEmpty()) {
                        insert.setNull(6, java.sql.Types.SMALLINT);
                    } else {
                        insert.setShort(6, Short.parseShort(cells[5]));
                    }
                    insert.addBatch();
                }
                insert.executeBatch();
            }
        }
    }
}
