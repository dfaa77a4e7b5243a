package uk.org.lxp.payequity.service;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import uk.org.lxp.api.Audit;
import uk.org.lxp.http.problems.NotFound;
import uk.org.lxp.http.problems.RuleBroken;
import uk.org.lxp.directory.Organisations;
import uk.org.lxp.payequity.AfcBand;
import uk.org.lxp.payequity.PayYear;
import uk.org.lxp.payequity.repository.PayPointRepository;

/**
 * Comparator workforce snapshots, one per organisation, replaced whole. Written with plain JDBC batches: a national
 * load is about 1.5 million rows, which an ORM would only slow down.
 */
@ApplicationScoped
public class ComparatorService {

    private static final int BATCH = 1_000;

    private final DataSource dataSource;
    private final PayPointRepository payPoints;
    private final Audit audit;
    private final ParityEvaluationTrigger parity;
    private final Organisations organisations;
    private final Clock clock;

    ComparatorService(DataSource dataSource, PayPointRepository payPoints, Audit audit, ParityEvaluationTrigger parity,
            Organisations organisations, Clock clock) {
        this.dataSource = dataSource;
        this.organisations = organisations;
        this.payPoints = payPoints;
        this.audit = audit;
        this.parity = parity;
        this.clock = clock;
    }

    public record Comparator(String staffGroupCode, AfcBand band, int point, BigDecimal fte, boolean fixedTerm) {
    }

    @Schema(name = "ComparatorSnapshot")
    public record Snapshot(String organisationCode, LocalDate asOf, int records, Map<String, Integer> byStaffGroup) {
    }

    @Transactional
    public Snapshot replace(String organisation, LocalDate asOf, List<Comparator> comparators) {
        if (!organisations.isKnown(organisation)) {
            throw new NotFound("No organisation with ODS code " + organisation + " is known");
        }
        PayYear year = PayYear.containing(asOf);
        Set<String> points = new HashSet<>();
        payPoints.forYear(year).forEach(p -> points.add(p.band().code() + "/" + p.point()));
        if (points.isEmpty()) {
            throw RuleBroken.at("asOf", "No pay scale is held for pay year " + year + " of " + asOf);
        }
        for (int i = 0; i < comparators.size(); i++) {
            Comparator c = comparators.get(i);
            if (!points.contains(c.band().code() + "/" + c.point())) {
                throw RuleBroken.at("records[" + i + "].point", c.band() + " has no point " + c.point()
                        + " in pay year " + year);
            }
        }
        try (Connection connection = dataSource.getConnection()) {
            try (PreparedStatement delete = connection.prepareStatement(
                    "DELETE FROM comparator_snapshot WHERE organisation_ods_code = ?")) {
                delete.setString(1, organisation);
                delete.executeUpdate();
            }
            try (PreparedStatement snapshot = connection.prepareStatement(
                    "INSERT INTO comparator_snapshot (organisation_ods_code, as_of, record_count, loaded_at) VALUES (?, ?, ?, ?)")) {
                snapshot.setString(1, organisation);
                snapshot.setDate(2, Date.valueOf(asOf));
                snapshot.setInt(3, comparators.size());
                snapshot.setTimestamp(4, Timestamp.from(clock.instant()));
                snapshot.executeUpdate();
            }
            try (PreparedStatement insert = connection.prepareStatement("""
                    INSERT INTO comparator_record (organisation_ods_code, staff_group_code, band, point, fte, fixed_term)
                    VALUES (?, ?, ?, ?, ?, ?)
                    """)) {
                for (int i = 0; i < comparators.size(); i++) {
                    Comparator c = comparators.get(i);
                    insert.setString(1, organisation);
                    insert.setString(2, c.staffGroupCode());
                    insert.setString(3, c.band().code());
                    insert.setShort(4, (short) c.point());
                    insert.setBigDecimal(5, c.fte());
                    insert.setBoolean(6, c.fixedTerm());
                    insert.addBatch();
                    if ((i + 1) % BATCH == 0) {
                        insert.executeBatch();
                    }
                }
                insert.executeBatch();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not store the comparator snapshot of " + organisation, e);
        }
        parity.request();
        audit.record("comparators.replaced", "comparator-snapshot", organisation,
                Map.of("asOf", asOf.toString(), "records", comparators.size()));
        return find(organisation).orElseThrow();
    }

    public Optional<Snapshot> find(String organisation) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement snapshot = connection.prepareStatement(
                     "SELECT as_of, record_count FROM comparator_snapshot WHERE organisation_ods_code = ?");
             PreparedStatement groups = connection.prepareStatement("""
                     SELECT staff_group_code, count(*) FROM comparator_record WHERE organisation_ods_code = ?
                     GROUP BY staff_group_code ORDER BY staff_group_code
                     """)) {
            snapshot.setString(1, organisation);
            try (ResultSet row = snapshot.executeQuery()) {
                if (!row.next()) {
                    return Optional.empty();
                }
                groups.setString(1, organisation);
                Map<String, Integer> byGroup = new LinkedHashMap<>();
                try (ResultSet counts = groups.executeQuery()) {
                    while (counts.next()) {
                        byGroup.put(counts.getString(1), counts.getInt(2));
                    }
                }
                return Optional.of(new Snapshot(organisation, row.getDate(1).toLocalDate(), row.getInt(2), byGroup));
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not read the comparator snapshot of " + organisation, e);
        }
    }
}
