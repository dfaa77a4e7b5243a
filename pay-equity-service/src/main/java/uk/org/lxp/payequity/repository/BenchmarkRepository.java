package uk.org.lxp.payequity.repository;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;

import uk.org.lxp.payequity.PayBasis;
import uk.org.lxp.payequity.PayYear;

/**
 * What a benchmark reads, as plain rows in one query each: a cohort's open posts with the pay in force on a day, and
 * a comparator staff group's people per hourly rate. Nothing here is loaded as an entity, since a national benchmark
 * reads thousands of posts only to count them.
 */
@ApplicationScoped
public class BenchmarkRepository {

    /** An open post of the cohort: its role's band, and the basis and full-time annual pay in force (null: none). */
    public record CohortPost(UUID id, String organisationOdsCode, String status, BigDecimal fte, boolean fixedTerm,
            String band, PayBasis payBasis, BigDecimal fteAnnualisedGbp) {

        public boolean isFilled() {
            return "FILLED".equals(status);
        }

        public boolean isPaidOnTheDay() {
            return payBasis != null;
        }
    }

    /** Which posts: roles of this family, level, band and title (any may be null), in these organisations (null: all). */
    public record CohortFilter(List<String> organisations, String family, String level, String band, String title) {
    }

    private final DataSource dataSource;

    BenchmarkRepository(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** The cohort's posts that are not closed, each with the pay record in force on the day if it has one. */
    public List<CohortPost> cohortPosts(CohortFilter filter, LocalDate day) {
        StringBuilder sql = new StringBuilder("""
                SELECT p.id, p.organisation_ods_code, p.status, p.fte, p.funding_kind, r.band, pay.basis,
                       pay.fte_annualised_gbp
                FROM post p JOIN role_profile r ON r.id = p.role_profile_id
                LEFT JOIN LATERAL (SELECT pr.basis, pr.fte_annualised_gbp FROM pay_record pr
                                   WHERE pr.post_id = p.id AND pr.effective_from <= ?
                                   ORDER BY pr.effective_from DESC LIMIT 1) pay ON true
                WHERE p.status <> 'CLOSED'
                """);
        List<Object> parameters = new ArrayList<>();
        parameters.add(day);
        if (filter.organisations() != null) {
            sql.append(" AND p.organisation_ods_code = ANY (?)");
            parameters.add(filter.organisations());
        }
        condition(sql, parameters, "r.family = ?", filter.family());
        condition(sql, parameters, "r.level = ?", filter.level());
        condition(sql, parameters, "r.band = ?", filter.band());
        condition(sql, parameters, "lower(r.title) = lower(?)", filter.title());
        List<CohortPost> posts = new ArrayList<>();
        try (Connection connection = dataSource.getConnection();
             PreparedStatement query = connection.prepareStatement(sql.toString())) {
            bind(connection, query, parameters);
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    String basis = rows.getString(7);
                    posts.add(new CohortPost(rows.getObject(1, UUID.class), rows.getString(2), rows.getString(3),
                            rows.getBigDecimal(4), "FIXED_TERM".equals(rows.getString(5)), rows.getString(6),
                            basis == null ? null : PayBasis.valueOf(basis), rows.getBigDecimal(8)));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not read the cohort's posts", e);
        }
        return posts;
    }

    /**
     * How many of the staff group's comparators in the organisations (null: everywhere) are paid each annual amount in
     * the year: PostgreSQL counts them per pay point from the cohort index, then prices the points.
     */
    public Map<BigDecimal, Long> comparatorsByAnnualPay(String staffGroup, List<String> organisations, PayYear year) {
        String sql = """
                SELECT pp.annual_gbp, sum(on_point.people) FROM (
                    SELECT band, point, count(*) AS people FROM comparator_record
                    WHERE staff_group_code = ? %s GROUP BY band, point) on_point
                JOIN pay_point pp ON pp.pay_year = ? AND pp.band = on_point.band AND pp.point = on_point.point
                GROUP BY pp.annual_gbp
                """.formatted(organisations == null ? "" : "AND organisation_ods_code = ANY (?)");
        List<Object> parameters = new ArrayList<>();
        parameters.add(staffGroup);
        if (organisations != null) {
            parameters.add(organisations);
        }
        parameters.add(year.toString());
        Map<BigDecimal, Long> people = new HashMap<>();
        try (Connection connection = dataSource.getConnection();
             PreparedStatement query = connection.prepareStatement(sql)) {
            bind(connection, query, parameters);
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    people.merge(rows.getBigDecimal(1), rows.getLong(2), Long::sum);
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not count the comparator workforce", e);
        }
        return people;
    }

    private static void condition(StringBuilder sql, List<Object> parameters, String condition, String value) {
        if (value != null) {
            sql.append(" AND ").append(condition);
            parameters.add(value);
        }
    }

    private static void bind(Connection connection, PreparedStatement query, List<Object> parameters) throws SQLException {
        for (int index = 0; index < parameters.size(); index++) {
            Object value = parameters.get(index);
            if (value instanceof List<?> codes) {
                query.setArray(index + 1, connection.createArrayOf("varchar", codes.toArray()));
            } else {
                query.setObject(index + 1, value);
            }
        }
    }
}
