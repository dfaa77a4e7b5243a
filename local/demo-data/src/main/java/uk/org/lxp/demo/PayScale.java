package uk.org.lxp.demo;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.Month;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The Agenda for Change pay points of one pay year, from the same reference CSV pay-equity-service loads, so that
 * every salaried pay record and comparator names a point its band has (the service refuses any other).
 */
final class PayScale {

    private static final String RESOURCE = "afc-pay-scales-england.csv";
    private static final String HEADER = "pay_year,effective_from,band,point,annual_gbp,years_to_next_point";

    private final Map<String, List<Integer>> pointsByBand;

    private PayScale(Map<String, List<Integer>> pointsByBand) {
        this.pointsByBand = pointsByBand;
    }

    /** The scale of the pay year (1 April to 31 March) that contains the day. */
    static PayScale forYearContaining(LocalDate day) {
        int startYear = day.getMonth().compareTo(Month.APRIL) >= 0 ? day.getYear() : day.getYear() - 1;
        String payYear = startYear + "/" + String.format("%02d", (startYear + 1) % 100);
        Map<String, List<Integer>> points = new LinkedHashMap<>();
        for (String[] row : rows()) {
            if (row[0].equals(payYear)) {
                points.computeIfAbsent(row[2], band -> new ArrayList<>()).add(Integer.parseInt(row[3]));
            }
        }
        if (points.isEmpty()) {
            throw new IllegalStateException(RESOURCE + " has no pay points for " + payYear);
        }
        return new PayScale(points);
    }

    /** The points of a band, e.g. "3" has 1 and 2; "8c" has 1, 2 and 3. */
    List<Integer> points(String band) {
        List<Integer> points = pointsByBand.get(band);
        if (points == null) {
            throw new IllegalArgumentException("Band " + band + " is not on the pay scale");
        }
        return points;
    }

    private static List<String[]> rows() {
        try (InputStream in = PayScale.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is missing from the demo data set");
            }
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            if (!HEADER.equals(reader.readLine())) {
                throw new IllegalStateException(RESOURCE + " does not start with " + HEADER);
            }
            List<String[]> rows = new ArrayList<>();
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                if (!line.isBlank()) {
                    rows.add(line.split(",", -1));
                }
            }
            return rows;
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read " + RESOURCE, e);
        }
    }
}
