package uk.org.lxp.directory;

import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import uk.org.lxp.api.scope.OrganisationDirectory;
import uk.org.lxp.directory.DirectoryOrganisation.IcbMembership;

/**
 * The service's copy of roles-service's organisations, fed by its events: which exist, and which ICB each belongs to
 * on a day. It is the service's {@link OrganisationDirectory} for the scope policy. Only a newer version replaces
 * what is held, so a late redelivery of an old event cannot turn the clock back.
 */
@ApplicationScoped
public class Organisations implements OrganisationDirectory {

    private final DataSource dataSource;

    Organisations(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** An organisation the directory holds, or an ICB that one of them belongs to. */
    @Override
    public boolean isKnown(String odsCode) {
        boolean[] known = new boolean[1];
        query("""
                SELECT EXISTS (SELECT 1 FROM directory_organisation WHERE ods_code = ?)
                    OR EXISTS (SELECT 1 FROM directory_icb_membership WHERE icb_ods_code = ?)
                """, statement -> {
            statement.setString(1, odsCode);
            statement.setString(2, odsCode);
        }, row -> known[0] = row.getBoolean(1));
        return known[0];
    }

    @Override
    public Optional<String> icbOf(String odsCode, LocalDate day) {
        return find(odsCode).flatMap(organisation -> organisation.icbOn(day));
    }

    @Override
    public Set<String> membersOf(String icbOdsCode, LocalDate day) {
        Set<String> members = new TreeSet<>();
        query("""
                SELECT ods_code FROM directory_icb_membership
                WHERE icb_ods_code = ? AND valid_from <= ? AND (valid_to IS NULL OR valid_to >= ?)
                """, statement -> {
            statement.setString(1, icbOdsCode);
            statement.setDate(2, Date.valueOf(day));
            statement.setDate(3, Date.valueOf(day));
        }, row -> members.add(row.getString(1)));
        return members;
    }

    public Optional<DirectoryOrganisation> find(String odsCode) {
        return read("WHERE o.ods_code = ?", statement -> statement.setString(1, odsCode)).stream().findFirst();
    }

    /** Every organisation held, by ODS code: a few hundred nationally. */
    public List<DirectoryOrganisation> all() {
        return read("", statement -> { });
    }

    /** Takes the published state if it is newer than what is held; says whether it did. */
    @Transactional(Transactional.TxType.MANDATORY)
    boolean apply(DirectoryOrganisation organisation, int version, Instant updatedAt) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement upsert = connection.prepareStatement("""
                     INSERT INTO directory_organisation (ods_code, name, type, valid_from, valid_to, successor_ods_code,
                                                         source_version, updated_at)
                     VALUES (?, ?, ?, ?, ?, ?, ?, ?)
                     ON CONFLICT (ods_code) DO UPDATE SET name = excluded.name, type = excluded.type,
                         valid_from = excluded.valid_from, valid_to = excluded.valid_to,
                         successor_ods_code = excluded.successor_ods_code, source_version = excluded.source_version,
                         updated_at = excluded.updated_at
                     WHERE directory_organisation.source_version < excluded.source_version
                     """);
             PreparedStatement forget = connection.prepareStatement(
                     "DELETE FROM directory_icb_membership WHERE ods_code = ?");
             PreparedStatement member = connection.prepareStatement("""
                     INSERT INTO directory_icb_membership (ods_code, icb_ods_code, valid_from, valid_to) VALUES (?, ?, ?, ?)
                     """)) {
            upsert.setString(1, organisation.odsCode());
            upsert.setString(2, organisation.name());
            upsert.setString(3, organisation.type());
            upsert.setDate(4, date(organisation.validFrom()));
            upsert.setDate(5, date(organisation.validTo()));
            upsert.setString(6, organisation.successorOdsCode());
            upsert.setInt(7, version);
            upsert.setTimestamp(8, Timestamp.from(updatedAt));
            if (upsert.executeUpdate() == 0) {
                return false;
            }
            forget.setString(1, organisation.odsCode());
            forget.executeUpdate();
            for (IcbMembership membership : organisation.icbMemberships()) {
                member.setString(1, organisation.odsCode());
                member.setString(2, membership.icbOdsCode());
                member.setDate(3, date(membership.validFrom()));
                member.setDate(4, date(membership.validTo()));
                member.addBatch();
            }
            member.executeBatch();
            return true;
        } catch (SQLException e) {
            throw new IllegalStateException("Could not keep organisation " + organisation.odsCode(), e);
        }
    }

    private List<DirectoryOrganisation> read(String where, Binder binder) {
        Map<String, String[]> rows = new LinkedHashMap<>();
        Map<String, LocalDate[]> dates = new HashMap<>();
        Map<String, List<IcbMembership>> memberships = new HashMap<>();
        query("""
                SELECT o.ods_code, o.name, o.type, o.valid_from, o.valid_to, o.successor_ods_code,
                       m.icb_ods_code, m.valid_from, m.valid_to
                FROM directory_organisation o LEFT JOIN directory_icb_membership m ON m.ods_code = o.ods_code
                """ + where + " ORDER BY o.ods_code, m.valid_from", binder, row -> {
            String code = row.getString(1);
            rows.putIfAbsent(code, new String[] {row.getString(2), row.getString(3), row.getString(6)});
            dates.putIfAbsent(code, new LocalDate[] {localDate(row.getDate(4)), localDate(row.getDate(5))});
            List<IcbMembership> own = memberships.computeIfAbsent(code, c -> new ArrayList<>());
            if (row.getString(7) != null) {
                own.add(new IcbMembership(row.getString(7), localDate(row.getDate(8)), localDate(row.getDate(9))));
            }
        });
        List<DirectoryOrganisation> organisations = new ArrayList<>(rows.size());
        rows.forEach((code, text) -> organisations.add(new DirectoryOrganisation(code, text[0], text[1],
                dates.get(code)[0], dates.get(code)[1], text[2], memberships.get(code))));
        return organisations;
    }

    private interface Binder {
        void bind(PreparedStatement statement) throws SQLException;
    }

    private interface RowReader {
        void read(ResultSet row) throws SQLException;
    }

    private void query(String sql, Binder binder, RowReader reader) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement statement = connection.prepareStatement(sql)) {
            binder.bind(statement);
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    reader.read(rows);
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not read the organisation directory", e);
        }
    }

    private static Date date(LocalDate day) {
        return day == null ? null : Date.valueOf(day);
    }

    private static LocalDate localDate(Date date) {
        return date == null ? null : date.toLocalDate();
    }
}
