package uk.org.lxp.bench;

import java.sql.Array;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.List;

/**
 * B2's yardstick: what {@code GET /api/v1/benchmarks} computes for a whole LXP cohort (no family, level, title or band)
 * against a comparator staff group, written as one hand-made query straight on pay-equity-service's database. It
 * reads the service's own tables (posts, role profiles, pay records in force, comparators priced on the year's pay
 * points), so a change of that schema shows here as a failing run, not as a wrong figure.
 */
final class BenchmarkYardstick implements AutoCloseable {

    /** Full-time hours in a year, as pay-equity-service puts annual pay on an hourly scale: 52.143 weeks of 37.5. */
    private static final String FULL_TIME_HOURS_A_YEAR = "1955.3625";

    private static final String QUERY = """
            WITH cohort AS (
                SELECT p.id, p.status, p.fte, p.funding_kind, r.band FROM post p JOIN role_profile r ON r.id = p.role_profile_id
                WHERE p.status <> 'CLOSED' %2$s),
            pay AS (
                SELECT DISTINCT ON (pr.post_id) pr.basis, pr.fte_annualised_gbp FROM pay_record pr
                JOIN cohort c ON c.id = pr.post_id WHERE pr.effective_from <= ?
                ORDER BY pr.post_id, pr.effective_from DESC),
            lxp AS (SELECT fte_annualised_gbp / %1$s AS hourly FROM pay WHERE basis <> 'UNPAID'),
            cmp AS (
                SELECT pp.annual_gbp / %1$s AS hourly FROM comparator_record c
                JOIN pay_point pp ON pp.pay_year = ? AND pp.band = c.band AND pp.point = c.point
                WHERE c.staff_group_code = ? %3$s),
            quartiles AS (
                SELECT quartile, count(*) FILTER (WHERE is_lxp) AS lxp, count(*) AS everyone
                FROM (SELECT is_lxp, ntile(4) OVER (ORDER BY hourly) AS quartile
                      FROM (SELECT hourly, false AS is_lxp FROM cmp UNION ALL SELECT hourly, true FROM lxp) combined) ranked
                GROUP BY quartile)
            SELECT
                (SELECT count(*) FILTER (WHERE status = 'FILLED') FROM cohort) AS headcount,
                (SELECT coalesce(sum(fte) FILTER (WHERE status = 'FILLED'), 0) FROM cohort) AS fte,
                (SELECT json_object_agg(band, posts) FROM (SELECT band, count(*) AS posts FROM cohort GROUP BY band) b) AS bands,
                (SELECT json_build_object('count', count(*), 'min', min(fte_annualised_gbp), 'max', max(fte_annualised_gbp),
                        'mean', avg(fte_annualised_gbp), 'percentiles', percentile_cont(ARRAY[0.1, 0.25, 0.5, 0.75, 0.9])
                        WITHIN GROUP (ORDER BY fte_annualised_gbp)) FROM pay) AS pay,
                (SELECT json_build_object(
                        'fixedTerm', (SELECT avg((funding_kind = 'FIXED_TERM')::int) FROM cohort),
                        'band7OrAbove', (SELECT avg((band IN ('BAND_7', 'BAND_8A', 'BAND_8B', 'BAND_8C', 'BAND_8D', 'BAND_9'))::int) FROM cohort),
                        'sessional', (SELECT avg((basis = 'SESSIONAL')::int) FROM pay),
                        'unpaid', (SELECT avg((basis = 'UNPAID')::int) FROM pay))) AS shares,
                (SELECT json_build_object('mean', avg(hourly), 'median', percentile_cont(0.5) WITHIN GROUP (ORDER BY hourly))
                        FROM lxp) AS lxp_hourly,
                (SELECT count(*) FROM cmp) AS comparators,
                (SELECT json_build_object('mean', avg(hourly), 'median', percentile_cont(0.5) WITHIN GROUP (ORDER BY hourly))
                        FROM cmp) AS comparator_hourly,
                (SELECT json_agg(quartiles ORDER BY quartile) FROM quartiles) AS quartiles
            """;

    /** The query for some organisations (an array parameter where the nation's has none), as one would write each. */
    static String query(boolean someOrganisations) {
        return QUERY.formatted(FULL_TIME_HOURS_A_YEAR,
                someOrganisations ? "AND p.organisation_ods_code = ANY (?)" : "",
                someOrganisations ? "AND c.organisation_ods_code = ANY (?)" : "");
    }

    /** What the bench compares with the service's answer, to be sure both computed the same thing. */
    record Answer(long headcount, long comparators) {
    }

    private final Connection connection;
    private final PreparedStatement someOrganisations;
    private final PreparedStatement nation;

    BenchmarkYardstick(String jdbcUrl, String user, String password) {
        try {
            connection = DriverManager.getConnection(jdbcUrl, user, password);
            connection.setReadOnly(true);
            someOrganisations = connection.prepareStatement(query(true));
            nation = connection.prepareStatement(query(false));
        } catch (SQLException e) {
            throw new BenchException("Could not connect to pay-equity-service's database: " + e.getMessage(), e);
        }
    }

    /** The whole LXP cohort of these organisations (null: the nation) on the day, against the staff group in the year. */
    Answer benchmark(List<String> organisations, LocalDate day, String payYear, String staffGroup) {
        try {
            PreparedStatement query = organisations == null ? nation : someOrganisations;
            int index = 1;
            Array codes = organisations == null ? null : connection.createArrayOf("varchar", organisations.toArray());
            if (codes != null) {
                query.setArray(index++, codes);
            }
            query.setObject(index++, day);
            query.setString(index++, payYear);
            query.setString(index++, staffGroup);
            if (codes != null) {
                query.setArray(index, codes);
            }
            try (ResultSet row = query.executeQuery()) {
                row.next();
                for (int column = 1; column <= row.getMetaData().getColumnCount(); column++) {
                    row.getString(column);
                }
                return new Answer(row.getLong("headcount"), row.getLong("comparators"));
            }
        } catch (SQLException e) {
            throw new BenchException("The yardstick query failed: " + e.getMessage(), e);
        }
    }

    @Override
    public void close() {
        try {
            connection.close();
        } catch (SQLException e) {
            throw new BenchException("Could not close the yardstick's connection: " + e.getMessage(), e);
        }
    }
}
