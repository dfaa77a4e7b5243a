package uk.org.lxp.demo;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.ObjectMapper;

import uk.org.lxp.demo.Establishment.Post;

/**
 * Each trust's HR system reports its posts, what they pay and its comparator workforce. Bulk calls carry an
 * Idempotency-Key derived from their body, so a rerun with the same data replays instead of changing anything.
 */
final class EstablishmentPhase {

    private static final String POSTS = "/api/v1/posts";
    private static final String PAY_RECORDS = "/api/v1/pay-records/bulk";
    private static final String COMPARATORS = "/api/v1/comparators/";
    private static final Duration RETRY_PAUSE = Duration.ofSeconds(2);
    /** How pay-equity-service says it has not yet heard of a post from roles-service. */
    private static final String UNKNOWN_REFERENCE = "/problems/unknown-reference";

    record Result(DemoSummary.Count posts, DemoSummary.Count payRecords, DemoSummary.Count comparatorRecords) {
    }

    /** roles-service's PostBulkRequest and PostItem. */
    record PostBulk(String organisationCode, List<PostItem> posts) {
    }

    record PostItem(String postReference, UUID roleProfileId, BigDecimal fte, String team, String status,
            FundingItem funding, String holderStaffReference, LocalDate holderSince, LocalDate vacantSince) {
    }

    /** A post's funding, naming the national programme its stream is, where one is. */
    record FundingItem(String kind, LocalDate endDate, String stream, UUID programmeId) {

        static FundingItem of(Establishment.Funding funding, Map<String, UUID> programmeByName) {
            return new FundingItem(funding.kind(), funding.endDate(), funding.stream(),
                    funding.stream() == null ? null : programmeByName.get(funding.stream()));
        }
    }

    /** pay-equity-service's PayRecordBulkRequest. */
    record PayRecordBulk(String organisationCode, List<Establishment.PayRecord> records) {
    }

    private final GatewayCalls calls;
    private final ObjectMapper json;
    private final Consumer<String> progress;
    private final Duration timeout;
    private final LocalDate today;
    private Map<String, UUID> programmeByName = Map.of();

    EstablishmentPhase(GatewayCalls calls, ObjectMapper json, Consumer<String> progress, Duration timeout,
            LocalDate today) {
        this.calls = calls;
        this.json = json;
        this.progress = progress;
        this.timeout = timeout;
        this.today = today;
    }

    Result run(List<Establishment> establishments, Map<String, UUID> profileIds, Map<String, UUID> programmeByName) {
        this.programmeByName = Map.copyOf(programmeByName);
        Tally posts = new Tally();
        Tally payRecords = new Tally();
        Tally comparators = new Tally();
        for (Establishment establishment : establishments) {
            GatewayCalls.Caller hr = calls.as(DemoClients.hrIntegration(establishment.organisation()));
            loadPosts(hr, establishment, profileIds, payRecords, posts);
            loadComparators(hr, establishment, comparators);
            progress.accept(establishment.organisation() + ": " + establishment.posts().size() + " posts, "
                    + establishment.payRecords().size() + " pay records, "
                    + establishment.comparators().records().size() + " comparator records");
        }
        Result result = new Result(
                posts.of(establishments.stream().mapToInt(e -> e.posts().size()).sum()),
                payRecords.of(establishments.stream().mapToInt(e -> e.payRecords().size()).sum()),
                comparators.of(establishments.stream().mapToInt(e -> e.comparators().records().size()).sum()));
        progress.accept("posts: " + result.posts() + " in " + establishments.size() + " trusts");
        progress.accept("pay records: " + result.payRecords());
        progress.accept("comparator records: " + result.comparatorRecords());
        return result;
    }

    /**
     * Posts with a history are first reported in their earlier state, paid, and then reported as they end up, as
     * HR would have done over time. Once roles-service holds such a post, it is sent only as it ends up, so that a
     * rerun never turns a closed post back into a filled one.
     */
    private void loadPosts(GatewayCalls.Caller hr, Establishment establishment, Map<String, UUID> profileIds,
            Tally payRecords, Tally posts) {
        String organisation = establishment.organisation();
        Set<String> held = establishment.earlierStates().isEmpty() ? Set.of()
                : hr.allPages(POSTS + "?organisation=" + organisation).stream()
                        .map(post -> post.path("postReference").asText()).collect(Collectors.toSet());
        List<Post> history = establishment.earlierStates().stream()
                .filter(post -> !held.contains(post.postReference())).toList();
        List<Post> firstReport = establishment.posts().stream()
                .map(post -> establishment.earlierStateOf(post.postReference())
                        .filter(history::contains).orElse(post))
                .toList();
        bulkPosts(hr, organisation, firstReport, profileIds, posts);
        bulkPayRecords(hr, establishment, payRecords);
        if (!history.isEmpty()) {
            Set<String> changing = history.stream().map(Post::postReference).collect(Collectors.toSet());
            bulkPosts(hr, organisation, establishment.posts().stream()
                    .filter(post -> changing.contains(post.postReference())).toList(), profileIds, posts);
        }
    }

    private void bulkPosts(GatewayCalls.Caller hr, String organisation, List<Post> posts, Map<String, UUID> profileIds,
            Tally tally) {
        PostBulk body = new PostBulk(organisation, posts.stream()
                .map(post -> new PostItem(post.postReference(), profileIds.get(post.profileKey()), post.fte(),
                        post.team(), post.status(), FundingItem.of(post.funding(), programmeByName),
                        post.holderStaffReference(),
                        post.weeksInPost() == null ? null : today.minusWeeks(post.weeksInPost()),
                        post.weeksVacant() == null ? null : today.minusWeeks(post.weeksVacant())))
                .toList());
        count(hr.post(POSTS + "/bulk", body, Map.of("Idempotency-Key", calls.idempotencyKey("posts", body))), tally);
    }

    /** A replayed response tells what the first request did, long ago; this one did nothing. */
    private static void count(GatewayCalls.Reply bulkResult, Tally tally) {
        if (!bulkResult.replayed()) {
            tally.created(bulkResult.body().path("created").asInt());
            tally.changed(bulkResult.body().path("changed").asInt());
        }
    }

    /**
     * pay-equity-service learns of posts from roles-service's events, so it refuses pay records (422) until they
     * have arrived; the refused call is not stored under its key, so the same key is used again.
     */
    private void bulkPayRecords(GatewayCalls.Caller hr, Establishment establishment, Tally tally) {
        if (establishment.payRecords().isEmpty()) {
            return;
        }
        PayRecordBulk body = new PayRecordBulk(establishment.organisation(), establishment.payRecords());
        Map<String, String> headers = Map.of("Idempotency-Key", calls.idempotencyKey("pay-records", body));
        Deadline deadline = Deadline.after(timeout);
        GatewayCalls.Reply reply = hr.post(PAY_RECORDS, body, headers, 422);
        if (refusedForUnknownPosts(reply)) {
            progress.accept(establishment.organisation() + ": waiting for pay-equity-service to learn its posts");
        }
        while (refusedForUnknownPosts(reply) && !deadline.hasPassed()) {
            Deadline.pause(RETRY_PAUSE);
            reply = hr.post(PAY_RECORDS, body, headers, 422);
        }
        if (reply.status() == 422) {
            throw refusedForUnknownPosts(reply)
                    ? new DemoDataException("pay-equity-service still does not know all posts of "
                            + establishment.organisation() + " after " + timeout + ": " + reply.detail())
                    : hr.failure("POST", PAY_RECORDS, reply);
        }
        count(reply, tally);
    }

    private static boolean refusedForUnknownPosts(GatewayCalls.Reply reply) {
        return reply.status() == 422 && UNKNOWN_REFERENCE.equals(reply.body().path("type").asText());
    }

    /**
     * A snapshot is replaced whole and re-evaluated, so one already held is not sent again. pay-equity-service
     * shows only its day and its counts by staff group: a changed snapshot needs a new {@code comparatorsAsOf}
     * unless those differ anyway.
     */
    private void loadComparators(GatewayCalls.Caller hr, Establishment establishment, Tally tally) {
        String path = COMPARATORS + establishment.organisation();
        Establishment.ComparatorSnapshot snapshot = establishment.comparators();
        GatewayCalls.Reply held = hr.get(path, 404);
        if (held.status() == 200 && held.body().path("asOf").asText().equals(snapshot.asOf().toString())
                && held.body().path("byStaffGroup").equals(json.valueToTree(countsByStaffGroup(snapshot)))) {
            return;
        }
        hr.put(path, snapshot, null);
        if (held.status() == 404) {
            tally.created(snapshot.records().size());
        } else {
            tally.changed(snapshot.records().size());
        }
    }

    private static Map<String, Integer> countsByStaffGroup(Establishment.ComparatorSnapshot snapshot) {
        return snapshot.records().stream().collect(Collectors.groupingBy(Establishment.Comparator::staffGroupCode,
                Collectors.summingInt(record -> 1)));
    }
}
