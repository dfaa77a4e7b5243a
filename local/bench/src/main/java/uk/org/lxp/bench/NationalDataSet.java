package uk.org.lxp.bench;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * B2's national data: invented trusts spread over the directory's ICBs, each with its share of the LXP posts (made
 * by {@link ImportDataSet} on the national templates) and a comparator workforce of its own: staff groups 01 to 10,
 * Bands 2 to 7 on every point the band has, a ninth of them fixed-term.
 */
final class NationalDataSet {

    static final LocalDate MEMBERS_FROM = LocalDate.of(2022, 7, 1);
    static final LocalDate COMPARATORS_AS_OF = LocalDate.of(2026, 10, 1);
    private static final String[] BANDS = {"BAND_2", "BAND_3", "BAND_4", "BAND_5", "BAND_6", "BAND_7"};
    /** Agenda for Change's points per band from 2025/26: Band 2 one, Bands 3 and 4 two, Bands 5 to 7 three. */
    private static final int[] POINTS = {1, 2, 2, 3, 3, 3};

    private static final BigDecimal FULL_TIME = new BigDecimal("1.00");
    private static final BigDecimal PART_TIME = new BigDecimal("0.80");

    private final int trusts;
    private final int posts;
    private final int comparatorsPerTrust;
    private final List<String> icbs;

    NationalDataSet(int trusts, int posts, int comparatorsPerTrust, List<String> icbs) {
        if (icbs.isEmpty()) {
            throw new BenchException("The organisation directory has no ICB to place the trusts in");
        }
        this.trusts = trusts;
        this.posts = posts;
        this.comparatorsPerTrust = comparatorsPerTrust;
        this.icbs = List.copyOf(icbs);
    }

    /** The invented trusts' ODS-like codes, LXB001 on. */
    List<String> trustCodes() {
        List<String> codes = new ArrayList<>();
        for (int number = 1; number <= trusts; number++) {
            codes.add(String.format("LXB%03d", number));
        }
        return codes;
    }

    int icbCount() {
        return icbs.size();
    }

    /** The ICB the n-th trust (from 0) belongs to: round the ICBs in turn, so every ICB has some. */
    String icbOf(int trust) {
        return icbs.get(trust % icbs.size());
    }

    /** The body of {@code POST /api/v1/organisations} registering the n-th trust (from 0). */
    Map<String, Object> organisation(int trust) {
        Map<String, Object> organisation = new LinkedHashMap<>();
        organisation.put("odsCode", trustCodes().get(trust));
        organisation.put("name", "Benchmark Trust " + (trust + 1) + " NHS Foundation Trust");
        organisation.put("type", "NHS_TRUST");
        organisation.put("icbMemberships", List.of(Map.of("icbOdsCode", icbOf(trust), "validFrom", MEMBERS_FROM.toString())));
        return organisation;
    }

    /** How many LXP posts the n-th trust (from 0) has: the posts shared out as evenly as they go. */
    int postsOf(int trust) {
        return posts / trusts + (trust < posts % trusts ? 1 : 0);
    }

    /** The body of {@code PUT /api/v1/comparators/{organisation}} for any trust: the same workforce shape in each. */
    Map<String, Object> comparators() {
        List<Map<String, Object>> records = new ArrayList<>(comparatorsPerTrust);
        for (int number = 0; number < comparatorsPerTrust; number++) {
            int band = number % BANDS.length;
            Map<String, Object> record = new LinkedHashMap<>();
            record.put("staffGroupCode", String.format("%02d", 1 + number % 10));
            record.put("band", BANDS[band]);
            record.put("point", 1 + (number / 60) % POINTS[band]);
            record.put("fte", number % 5 == 0 ? PART_TIME : FULL_TIME);
            record.put("fixedTerm", number % 9 == 0);
            records.add(record);
        }
        return Map.of("asOf", COMPARATORS_AS_OF.toString(), "records", records);
    }
}
