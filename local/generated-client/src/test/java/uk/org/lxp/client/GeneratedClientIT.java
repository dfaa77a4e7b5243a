package uk.org.lxp.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import uk.org.lxp.client.api.BenchmarksApi;
import uk.org.lxp.client.api.ParityFindingsApi;
import uk.org.lxp.client.api.PayRecordsApi;
import uk.org.lxp.client.api.PostsApi;
import uk.org.lxp.client.api.RoleProfilesApi;
import uk.org.lxp.client.model.AfcBand;
import uk.org.lxp.client.model.Benchmark;
import uk.org.lxp.client.model.BenchmarkScopeLevel;
import uk.org.lxp.client.model.PayBasis;
import uk.org.lxp.client.model.PayRecordBulkRequest;
import uk.org.lxp.client.model.PayRecordBulkResult;
import uk.org.lxp.client.model.PayRecordItem;
import uk.org.lxp.client.model.ParityFinding;
import uk.org.lxp.client.model.ParityRule;
import uk.org.lxp.client.model.Post;
import uk.org.lxp.client.model.PostBulkItemResult;
import uk.org.lxp.client.model.PostBulkOutcome;
import uk.org.lxp.client.model.PostBulkRequest;
import uk.org.lxp.client.model.PostBulkResult;
import uk.org.lxp.client.model.PostFunding;
import uk.org.lxp.client.model.PostFundingKind;
import uk.org.lxp.client.model.PostItem;
import uk.org.lxp.client.model.PostStatus;
import uk.org.lxp.client.model.Problem;
import uk.org.lxp.client.model.RoleProfile;
import uk.org.lxp.client.model.RoleProfileStatus;
import uk.org.lxp.stack.RunningStack;

/**
 * A trust's HR system and an ICS dashboard, written against the Java client openapi-generator makes from the merged
 * document the gateway serves (library {@code native}, as docs/integrating.md suggests), driving the whole suite started
 * by {@code ./lxp up}: list and read role profiles, sync a post in bulk under an Idempotency-Key and retry it, change it
 * under If-Match, send its pay, read the trust's benchmark, and read an ICB's parity findings. Every answer is read into
 * the generated models, so a field the document types wrongly fails here as it would in the trust's code.
 */
class GeneratedClientIT {

    private static final Duration START = Duration.ofMinutes(12);
    private static final Path DOCUMENT = Path.of(System.getProperty("lxp.suite-document"));
    private static final String PAY_YEAR = "2026-27";

    @TempDir
    Path home;

    private RunningStack stack;

    @AfterEach
    void stopTheStack() throws Exception {
        if (stack != null) {
            stack.close();
        }
    }

    @Test
    void aTrustsHrSystemAndAnIcsDashboardWorkThroughAClientGeneratedFromTheSuitesDocument() throws Exception {
        stack = RunningStack.onFreePorts(home);
        stack.start(START);
        theClientWasGeneratedFromTheDocumentThisSuiteServes();

        ApiClient hrSystem = clientWithToken(stack.token("hr-rgd"));
        RoleProfile profile = aPublishedRoleProfileOfTheTrust(new RoleProfilesApi(hrSystem));
        PostsApi posts = new PostsApi(hrSystem);
        String postReference = "RGD-GEN-" + UUID.randomUUID().toString().substring(0, 8);
        PostItem post = new PostItem().postReference(postReference).roleProfileId(profile.getId())
                .fte(new BigDecimal("0.8")).team("Community Mental Health Team").status(PostStatus.FILLED)
                .funding(new PostFunding().kind(PostFundingKind.RECURRENT))
                .holderStaffReference("E-GEN-0001").holderSince(LocalDate.of(2026, 4, 1));

        UUID postId = syncThePostTwiceUnderOneIdempotencyKey(posts, post);
        changeThePostUnderIfMatch(posts, postId, post);
        sendThePostsPayOnceItHasReachedPayEquity(new PayRecordsApi(hrSystem), postReference, postId);
        readTheTrustsBenchmark(new BenchmarksApi(hrSystem));
        readAnIcbsFindings(new ParityFindingsApi(clientWithToken(stack.token("ics-dashboard-qwo"))));

        Problem notFound = problemOf(catchThrowableOfType(ApiException.class, () -> posts.postResourceGet(UUID.randomUUID())));
        assertThat(notFound.getStatus()).isEqualTo(404);
        assertThat(notFound.getRequestId()).isNotBlank();

        stack.stop();
    }

    /** Its operations and schemas are the ones this stack serves (servers and security URLs name this run's ports). */
    private void theClientWasGeneratedFromTheDocumentThisSuiteServes() throws IOException, InterruptedException {
        HttpResponse<String> served = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create(stack.gateway() + "/openapi")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(served.statusCode()).isEqualTo(200);
        ObjectMapper json = new ObjectMapper();
        JsonNode servedDocument = json.readTree(served.body());
        JsonNode generatedFrom = json.readTree(Files.readString(DOCUMENT));
        assertThat(servedDocument.get("paths")).as("paths of %s", DOCUMENT).isEqualTo(generatedFrom.get("paths"));
        assertThat(servedDocument.at("/components/schemas")).as("schemas of %s", DOCUMENT)
                .isEqualTo(generatedFrom.at("/components/schemas"));
    }

    private static RoleProfile aPublishedRoleProfileOfTheTrust(RoleProfilesApi roleProfiles) throws ApiException {
        List<RoleProfile> published = roleProfiles.roleProfileResourceList(null, null, null, null, null, null, "RGD", null,
                null, RoleProfileStatus.PUBLISHED).getItems();
        assertThat(published).isNotEmpty().allSatisfy(profile -> assertThat(profile.getStatus()).isEqualTo(RoleProfileStatus.PUBLISHED));
        RoleProfile profile = roleProfiles.roleProfileResourceGet(published.get(0).getId(), null);
        assertThat(profile.getTitle()).isEqualTo(published.get(0).getTitle());
        assertThat(profile.getLivedExperience()).isNotNull();
        return profile;
    }

    /** A retry with the same key and batch is answered from the first time; the same key for another batch is refused. */
    private static UUID syncThePostTwiceUnderOneIdempotencyKey(PostsApi posts, PostItem post) throws ApiException {
        String key = UUID.randomUUID().toString();
        PostBulkRequest batch = new PostBulkRequest().organisationCode("RGD").posts(List.of(post));
        ApiResponse<PostBulkResult> first = posts.postResourceBulkUpsertWithHttpInfo(key, batch);
        assertThat(first.getStatusCode()).isEqualTo(200);
        assertThat(first.getData().getCreated()).isEqualTo(1);
        PostBulkItemResult created = first.getData().getPosts().get(0);
        assertThat(created.getOutcome()).isEqualTo(PostBulkOutcome.CREATED);
        assertThat(created.getPostReference()).isEqualTo(post.getPostReference());

        ApiResponse<PostBulkResult> retry = posts.postResourceBulkUpsertWithHttpInfo(key, batch);
        assertThat(retry.getHeaders().get("idempotent-replayed")).containsExactly("true");
        assertThat(retry.getData()).usingRecursiveComparison().isEqualTo(first.getData());

        PostBulkRequest anotherBatch = new PostBulkRequest().organisationCode("RGD")
                .posts(List.of(copyOf(post).fte(new BigDecimal("0.6"))));
        ApiException reused = catchThrowableOfType(ApiException.class, () -> posts.postResourceBulkUpsert(key, anotherBatch));
        assertThat(reused.getCode()).isEqualTo(422);
        assertThat(problemOf(reused).getType()).endsWith("/problems/idempotency-key-reused");
        return created.getId();
    }

    /**
     * Read for its ETag, change with If-Match; a stale ETag is 412, a problem document. The document marks If-Match
     * required (the service answers 428 without one), so the client will not send a change without it.
     */
    private static void changeThePostUnderIfMatch(PostsApi posts, UUID postId, PostItem post) throws ApiException {
        ApiResponse<Post> read = posts.postResourceGetWithHttpInfo(postId);
        assertThat(read.getData().getPostReference()).isEqualTo(post.getPostReference());
        assertThat(read.getData().getFte()).isEqualByComparingTo("0.8");
        String etag = read.getHeaders().get("etag").get(0);

        PostItem fullTime = copyOf(post).fte(new BigDecimal("1.0"));
        ApiResponse<Post> changed = posts.postResourceUpdateWithHttpInfo(postId, etag, fullTime);
        assertThat(changed.getData().getFte()).isEqualByComparingTo("1.0");
        assertThat(changed.getData().getVersion()).isEqualTo(read.getData().getVersion() + 1);
        assertThat(changed.getHeaders().get("etag")).doesNotContain(etag);

        ApiException stale = catchThrowableOfType(ApiException.class, () -> posts.postResourceUpdate(postId, etag, post));
        assertThat(stale.getCode()).isEqualTo(412);
        assertThat(problemOf(stale).getStatus()).isEqualTo(412);
        ApiException unconditional = catchThrowableOfType(ApiException.class, () -> posts.postResourceUpdate(postId, null, post));
        assertThat(unconditional.getMessage()).contains("required parameter 'ifMatch'");
        assertThat(posts.postResourceGet(postId).getFte()).isEqualByComparingTo("1.0");
    }

    /** pay-equity-service learns of the post by event; until then the batch is 422 naming it, and is sent again. */
    private static void sendThePostsPayOnceItHasReachedPayEquity(PayRecordsApi payRecords, String postReference, UUID postId)
            throws ApiException {
        String key = UUID.randomUUID().toString();
        PayRecordBulkRequest pay = new PayRecordBulkRequest().organisationCode("RGD").records(List.of(new PayRecordItem()
                .postReference(postReference).effectiveFrom(LocalDate.of(2026, 4, 1)).basis(PayBasis.SALARIED)
                .band(AfcBand.BAND_4).point(1).fte(new BigDecimal("1.0"))));
        PayRecordBulkResult result = await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500))
                .until(() -> sentOrNotYetKnown(payRecords, key, pay), sent -> sent != null);
        assertThat(result.getCreated()).isEqualTo(1);
        assertThat(payRecords.payRecordResourceList("RGD", null, postId, null).getItems())
                .singleElement().satisfies(record -> {
                    assertThat(record.getPostId()).isEqualTo(postId);
                    assertThat(record.getBand()).isEqualTo(AfcBand.BAND_4);
                });
    }

    private static PayRecordBulkResult sentOrNotYetKnown(PayRecordsApi payRecords, String key, PayRecordBulkRequest pay)
            throws ApiException {
        try {
            return payRecords.payRecordResourceBulkUpsert(key, pay);
        } catch (ApiException refused) {
            if (refused.getCode() == 422 && problemOf(refused).getType().endsWith("/problems/unknown-reference")) {
                return null;
            }
            throw refused;
        }
    }

    private static void readTheTrustsBenchmark(BenchmarksApi benchmarks) throws ApiException {
        Benchmark benchmark = benchmarks.benchmarkResourceBenchmark(PAY_YEAR, null, null, null, null, null, "RGD", null);
        assertThat(benchmark.getScope().getLevel()).isEqualTo(BenchmarkScopeLevel.ORGANISATION);
        assertThat(benchmark.getScope().getCode()).isEqualTo("RGD");
        assertThat(benchmark.getPayYear()).isEqualTo(PAY_YEAR);
        assertThat(benchmark.getSuppressed()).isFalse();
        assertThat(benchmark.getHeadcount()).isPositive();
        assertThat(benchmark.getFteAnnualisedPay().getMedian()).isPositive();
    }

    private static void readAnIcbsFindings(ParityFindingsApi findings) throws ApiException {
        List<ParityFinding> bandVariance = findings.parityFindingResourceList("QWO", null, null, ParityRule.BAND_VARIANCE,
                null, null).getItems();
        assertThat(bandVariance).isNotEmpty();
        ParityFinding finding = findings.parityFindingResourceGet(bandVariance.get(0).getId());
        assertThat(finding.getRule()).isEqualTo(ParityRule.BAND_VARIANCE);
        assertThat(finding.getIcbCode()).isEqualTo("QWO");
        assertThat(finding).usingRecursiveComparison().isEqualTo(bandVariance.get(0));
    }

    /** The generated client sends no credentials of its own: an HR system adds its bearer token to every request. */
    private ApiClient clientWithToken(String token) {
        ApiClient client = new ApiClient();
        client.updateBaseUri(stack.gateway());
        client.setRequestInterceptor(request -> request.header("Authorization", "Bearer " + token));
        return client;
    }

    /** A failure's body, read as the generated client reads any answer. */
    private static Problem problemOf(ApiException failure) {
        assertThat(failure.getResponseHeaders().firstValue("content-type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
        try {
            return ApiClient.createDefaultObjectMapper().readValue(failure.getResponseBody(), Problem.class);
        } catch (IOException unreadable) {
            throw new AssertionError("Not a problem document: " + failure.getResponseBody(), unreadable);
        }
    }

    private static PostItem copyOf(PostItem post) {
        return new PostItem().postReference(post.getPostReference()).roleProfileId(post.getRoleProfileId()).fte(post.getFte())
                .team(post.getTeam()).status(post.getStatus()).funding(post.getFunding())
                .holderStaffReference(post.getHolderStaffReference()).holderSince(post.getHolderSince());
    }
}
