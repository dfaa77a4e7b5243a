package uk.org.lxp.bench;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A trust's whole establishment as its HR system would sync it, made up deterministically: filled LXP posts on the
 * trust's own role profiles, of mixed hours and funding, and the Agenda for Change pay of each. The same size always
 * gives the same posts, so a rerun changes nothing it did not change before.
 */
final class ImportDataSet {

    private static final LocalDate PAY_FROM = LocalDate.of(2026, 4, 1);
    private static final LocalDate HOLDERS_SINCE = LocalDate.of(2025, 9, 1);
    private static final LocalDate FIXED_TERM_END = LocalDate.of(2028, 3, 31);
    private static final BigDecimal[] FTE = {new BigDecimal("1.00"), new BigDecimal("0.80"), new BigDecimal("0.60"),
        new BigDecimal("0.50")};
    private static final String[] TEAMS = {"Community Mental Health Team North", "Crisis Resolution", "Inpatient Recovery",
        "Early Intervention in Psychosis", "Recovery College"};

    private final String organisation;
    private final List<UUID> roleProfiles;

    ImportDataSet(String organisation, List<UUID> roleProfiles) {
        if (roleProfiles.isEmpty()) {
            throw new BenchException(organisation + " has no role profile to create posts on");
        }
        this.organisation = organisation;
        this.roleProfiles = List.copyOf(roleProfiles);
    }

    /** The data set of an organisation's posts on the role profiles it has published, as the API lists them. */
    static ImportDataSet onPublishedProfiles(ApiCalls api, String organisation) {
        List<UUID> profiles = new ArrayList<>();
        for (JsonNode profile : api.get("/api/v1/role-profiles?owner=" + organisation + "&size=200").path("items")) {
            if ("PUBLISHED".equals(profile.path("status").asText())) {
                profiles.add(UUID.fromString(profile.path("id").asText()));
            }
        }
        return new ImportDataSet(organisation, profiles);
    }

    /** The request body of {@code POST /api/v1/posts/bulk} for posts {@code from} (inclusive) to {@code to}. */
    Map<String, Object> posts(int from, int to) {
        return posts(from, to, 0);
    }

    /**
     * The same posts as the HR system holds them after {@code revision} changes: each revision moves every post to
     * another team, so each is a real change.
     */
    Map<String, Object> posts(int from, int to, int revision) {
        List<Map<String, Object>> posts = new ArrayList<>();
        for (int number = from; number < to; number++) {
            Map<String, Object> post = new LinkedHashMap<>();
            post.put("postReference", reference(number));
            post.put("roleProfileId", roleProfiles.get(number % roleProfiles.size()));
            post.put("fte", FTE[number % FTE.length]);
            post.put("team", TEAMS[(number + revision) % TEAMS.length]);
            post.put("status", "FILLED");
            post.put("funding", number % 4 == 0
                    ? Map.of("kind", "FIXED_TERM", "endDate", FIXED_TERM_END.toString())
                    : Map.of("kind", "RECURRENT"));
            post.put("holderStaffReference", String.format("B-%07d", number));
            post.put("holderSince", HOLDERS_SINCE.toString());
            posts.add(post);
        }
        return Map.of("organisationCode", organisation, "posts", posts);
    }

    /** The request body of {@code POST /api/v1/pay-records/bulk}: each of those posts on Band 3 or 4 from April. */
    Map<String, Object> payRecords(int from, int to) {
        return payRecords(from, to, 0);
    }

    /** The same pay records after {@code revision} corrections: each revision moves every post to the band's other point. */
    Map<String, Object> payRecords(int from, int to, int revision) {
        List<Map<String, Object>> records = new ArrayList<>();
        for (int number = from; number < to; number++) {
            Map<String, Object> record = new LinkedHashMap<>();
            record.put("postReference", reference(number));
            record.put("effectiveFrom", PAY_FROM.toString());
            record.put("basis", "SALARIED");
            record.put("band", number % 3 == 0 ? "BAND_4" : "BAND_3");
            record.put("point", 1 + (number + revision) % 2);
            record.put("fte", FTE[number % FTE.length]);
            records.add(record);
        }
        return Map.of("organisationCode", organisation, "records", records);
    }

    private String reference(int number) {
        return String.format("%s-BENCH-%06d", organisation, number);
    }
}
