package uk.org.lxp.payequity.repository;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;

import uk.org.lxp.payequity.ParityRules;
import uk.org.lxp.payequity.PayYear;

/** Summaries of the anonymised comparator workforce, computed in PostgreSQL over up to 1.5 million rows. */
@ApplicationScoped
public class ComparatorRepository {

    private final DataSource dataSource;

    ComparatorRepository(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** Per organisation: comparator count, how many fixed-term, and the median band of staff group 07. */
    public List<ParityRules.Comparators> summaries() {
        Map<String, int[]> totals = new TreeMap<>();
        Map<String, List<String>> bands07 = new HashMap<>();
        try (Connection connection = dataSource.getConnection();
             PreparedStatement totalsQuery = connection.prepareStatement("""
                     SELECT organisation_ods_code, count(*), count(*) FILTER (WHERE fixed_term) FROM comparator_record
                     GROUP BY organisation_ods_code
                     """);
             PreparedStatement bandsQuery = connection.prepareStatement("""
                     SELECT organisation_ods_code, band, count(*) FROM comparator_record WHERE staff_group_code = '07'
                     GROUP BY organisation_ods_code, band
                     """)) {
            try (ResultSet rows = totalsQuery.executeQuery()) {
                while (rows.next()) {
                    totals.put(rows.getString(1), new int[] {rows.getInt(2), rows.getInt(3)});
                }
            }
            try (ResultSet rows = bandsQuery.executeQuery()) {
                while (rows.next()) {
                    String band = "BAND_" + rows.getString(2).toUpperCase();
                    for (int i = 0; i < rows.getInt(3); i++) {
                        bands07.computeIfAbsent(rows.getString(1), o -> new ArrayList<>()).add(band);
                    }
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not summarise the comparator workforce", e);
        }
        List<ParityRules.Comparators> summaries = new ArrayList<>();
        totals.forEach((organisation, counts) -> {
            List<String> bands = bands07.getOrDefault(organisation, List.of()).stream()
                    .sorted((a, b) -> Integer.compare(ParityRules.BANDS.indexOf(a), ParityRules.BANDS.indexOf(b))).toList();
            String median = bands.isEmpty() ? null : bands.get((bands.size() - 1) / 2);
            summaries.add(new ParityRules.Comparators(organisation, counts[0], counts[1], median));
        });
        return summaries;
    }

    /** Per organisation and band (BAND_4 ...): how many comparator staff, and their mean full-time pay in the year. */
    public List<ParityRules.ComparatorBandPay> payByBand(PayYear year) {
        List<ParityRules.ComparatorBandPay> pay = new ArrayList<>();
        try (Connection connection = dataSource.getConnection();
             PreparedStatement query = connection.prepareStatement("""
                     SELECT c.organisation_ods_code, c.band, count(*), avg(pp.annual_gbp) FROM comparator_record c
                     JOIN pay_point pp ON pp.pay_year = ? AND pp.band = c.band AND pp.point = c.point
                     GROUP BY c.organisation_ods_code, c.band
                     """)) {
            query.setString(1, year.toString());
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    pay.add(new ParityRules.ComparatorBandPay(rows.getString(1), "BAND_" + rows.getString(2).toUpperCase(),
                            rows.getInt(3), rows.getBigDecimal(4)));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not summarise the comparator workforce's pay", e);
        }
        return pay;
    }
}
