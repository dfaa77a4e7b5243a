package db.migration;

import java.sql.PreparedStatement;

import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

import uk.org.lxp.api.persistence.ReferenceCsv;
import uk.org.lxp.roles.JobEvaluationScheme;

/** Loads the factor points and the band job-weight ranges of the NHS Job Evaluation Scheme. */
public class V12__Load_job_evaluation_scheme extends BaseJavaMigration {

    private static final String FACTORS = "reference/nhs-job-evaluation-factor-points.csv";
    private static final String FACTORS_HEADER = "factor,factor_name,level,points";
    private static final String BANDS = "reference/afc-band-job-weight-ranges.csv";
    private static final String BANDS_HEADER = "band,min_score,max_score";

    @Override
    public void migrate(Context context) throws Exception {
        try (PreparedStatement insert = context.getConnection().prepareStatement(
                "INSERT INTO job_evaluation_factor_level (factor, level, factor_name, points) VALUES (?, ?, ?, ?)")) {
            for (String line : ReferenceCsv.lines(FACTORS, FACTORS_HEADER)) {
                JobEvaluationScheme.FactorLevel level = JobEvaluationScheme.FactorLevel.parse(line);
                insert.setInt(1, level.factor());
                insert.setInt(2, level.level());
                insert.setString(3, level.factorName());
                insert.setInt(4, level.points());
                insert.addBatch();
            }
            insert.executeBatch();
        }
        try (PreparedStatement insert = context.getConnection().prepareStatement(
                "INSERT INTO job_weight_band_range (band, min_score, max_score) VALUES (?, ?, ?)")) {
            for (String[] cells : ReferenceCsv.rows(BANDS, BANDS_HEADER)) {
                insert.setString(1, cells[0].strip());
                insert.setInt(2, Integer.parseInt(cells[1].strip()));
                insert.setInt(3, Integer.parseInt(cells[2].strip()));
                insert.addBatch();
            }
            insert.executeBatch();
        }
    }
}
