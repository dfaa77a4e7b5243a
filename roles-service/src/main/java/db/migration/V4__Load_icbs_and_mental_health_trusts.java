package db.migration;

import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;

import uk.org.lxp.roles.IcbMembership;
import uk.org.lxp.roles.Organisation;
import uk.org.lxp.roles.OrganisationType;
import uk.org.lxp.roles.events.OrganisationEvents;

/**
 * Loads the 42 ICBs of 2022-07-01 to 2026-03-31 and the NHS mental health trusts with their host ICB from the
 * shipped reference CSVs, and records an OrganisationRegistered event for each, so that every service that
 * keeps a copy of organisations learns them. Later changes (mergers, the 36 ICBs from 2026-04-01) are made by
 * lxp-admin through the API.
 */
public class V4__Load_icbs_and_mental_health_trusts extends BaseJavaMigration {

    /** ICBs were established on this day by the Health and Care Act 2022. */
    private static final LocalDate ICBS_ESTABLISHED = LocalDate.of(2022, 7, 1);

    private final JsonMapper json = JsonMapper.builder().findAndAddModules()
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS).build();

    @Override
    public void migrate(Context context) throws Exception {
        Instant now = Instant.now();
        List<Organisation> organisations = new ArrayList<>();
        Map<String, LocalDate> icbEnds = new HashMap<>();
        for (List<String> row : read("reference/icb-england-2022-2026.csv", "ods_code,gss_code,name,valid_to")) {
            LocalDate validTo = row.get(3).isEmpty() ? null : LocalDate.parse(row.get(3));
            icbEnds.put(row.get(0), validTo);
            organisations.add(new Organisation(row.get(0), new Organisation.Details(row.get(2),
                    OrganisationType.INTEGRATED_CARE_BOARD, row.get(1), ICBS_ESTABLISHED, validTo, null, List.of()), now));
        }
        for (List<String> row : read("reference/mental-health-trusts-england.csv", "ods_code,name,host_icb_ods_code")) {
            String icb = row.get(2);
            if (!icbEnds.containsKey(icb)) {
                throw new IllegalStateException("Trust " + row.get(0) + " names an unknown ICB " + icb);
            }
            organisations.add(new Organisation(row.get(0), new Organisation.Details(row.get(1),
                    OrganisationType.NHS_TRUST, null, null, null, null,
                    List.of(new IcbMembership(icb, ICBS_ESTABLISHED, icbEnds.get(icb)))), now));
        }
        insert(context.getConnection(), organisations, now);
    }

    private void insert(Connection connection, List<Organisation> organisations, Instant now) throws Exception {
        try (PreparedStatement organisation = connection.prepareStatement("""
                INSERT INTO organisation (id, ods_code, name, type, gss_code, valid_from, valid_to, successor_ods_code,
                                          version, created_at, updated_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, NULL, 0, ?, ?)
                """);
             PreparedStatement membership = connection.prepareStatement(
                     "INSERT INTO icb_membership (organisation_id, icb_ods_code, valid_from, valid_to) VALUES (?, ?, ?, ?)");
             PreparedStatement event = connection.prepareStatement("""
                     INSERT INTO outbox_event (event_id, aggregate_type, aggregate_id, event_type, topic, data_schema,
                                               payload, created_at, attempts)
                     VALUES (?, 'organisation', ?, ?, ?, ?, ?::jsonb, ?, 0)
                     """)) {
            Timestamp at = Timestamp.from(now);
            for (Organisation o : organisations) {
                organisation.setObject(1, o.id());
                organisation.setString(2, o.odsCode());
                organisation.setString(3, o.name());
                organisation.setString(4, o.type().name());
                organisation.setString(5, o.gssCode());
                organisation.setDate(6, o.validFrom() == null ? null : Date.valueOf(o.validFrom()));
                organisation.setDate(7, o.validTo() == null ? null : Date.valueOf(o.validTo()));
                organisation.setTimestamp(8, at);
                organisation.setTimestamp(9, at);
                organisation.addBatch();
                for (IcbMembership m : o.icbMemberships()) {
                    membership.setObject(1, o.id());
                    membership.setString(2, m.icbOdsCode());
                    membership.setDate(3, Date.valueOf(m.validFrom()));
                    membership.setDate(4, m.validTo() == null ? null : Date.valueOf(m.validTo()));
                    membership.addBatch();
                }
                event.setObject(1, UUID.randomUUID());
                event.setString(2, o.odsCode());
                event.setString(3, OrganisationEvents.REGISTERED);
                event.setString(4, OrganisationEvents.TOPIC);
                event.setString(5, "urn:lxp:schema:" + OrganisationEvents.REGISTERED);
                event.setString(6, json.writeValueAsString(OrganisationEvents.OrganisationState.of(o)));
                event.setTimestamp(7, at);
                event.addBatch();
            }
            organisation.executeBatch();
            membership.executeBatch();
            event.executeBatch();
        }
    }

    private List<List<String>> read(String resource, String header) throws Exception {
        try (InputStream in = getClass().getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException(resource + " is missing from the application");
            }
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            if (!header.equals(reader.readLine())) {
                throw new IllegalStateException(resource + " does not start with " + header);
            }
            List<List<String>> rows = new ArrayList<>();
            String line;
            while ((line = reader.readLine()) != null) {
                if (!line.isBlank()) {
                    rows.add(cells(line));
                }
            }
            return rows;
        }
    }

    /** One CSV line (RFC 4180: quoted cells may hold commas and doubled quotes). */
    static List<String> cells(String line) {
        List<String> cells = new ArrayList<>();
        StringBuilder cell = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
                    cell.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    cell.append(c);
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == ',') {
                cells.add(cell.toString());
                cell.setLength(0);
            } else {
                cell.append(c);
            }
        }
        cells.add(cell.toString());
        return cells;
    }
}
