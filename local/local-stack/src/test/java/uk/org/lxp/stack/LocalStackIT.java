package uk.org.lxp.stack;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The one command, as a person evaluating the suite runs it: {@code ./lxp up} on fresh ports and a fresh data folder,
 * real Keycloak tokens, a post created through the gateway reaching pay-equity-service, the demo data's parity
 * findings, {@code ./lxp down}, a second start that keeps the data, and no process left behind.
 */
class LocalStackIT {

    private static final Path ROOT = Path.of("..", "..").toAbsolutePath().normalize();
    private static final Duration FIRST_START = Duration.ofMinutes(12);
    private static final Duration LATER_START = Duration.ofMinutes(6);

    @TempDir
    Path home;

    private final Map<String, String> environment = new HashMap<>();
    private Process up;
    private final List<String> output = new CopyOnWriteArrayList<>();

    @AfterEach
    void stopWhateverIsLeft() throws Exception {
        if (up != null && up.isAlive()) {
            run("down");
            up.waitFor(3, TimeUnit.MINUTES);
        }
        ProcessHandle.allProcesses().filter(this::belongsToThisStack).forEach(ProcessHandle::destroyForcibly);
    }

    @Test
    void oneCommandRunsTheSuiteWithDemoDataAndStopsCleanly() throws Exception {
        environment.put("LXP_HOME", home.toString());
        for (StackSettings.Port port : StackSettings.from(ROOT, Map.of()).allPorts()) {
            environment.put(port.variable(), Integer.toString(freePort()));
        }
        String gateway = "http://127.0.0.1:" + environment.get(StackSettings.Port.GATEWAY.variable());

        startStack(FIRST_START);
        assertThat(output).anyMatch(line -> line.contains("demo data") && line.contains("ready in"));
        assertThat(output).anyMatch(line -> line.contains("Swagger UI") && line.contains(gateway + "/q/swagger-ui"));
        System.out.println(String.join("\n", run("status")));

        String hrToken = run("token", "hr-rgd").get(0);
        UUID profile = UUID.fromString(api(gateway, hrToken)
                .queryParam("owner", "RGD").queryParam("status", "PUBLISHED")
                .get("/api/v1/role-profiles")
                .then().statusCode(200).body("items", not(empty()))
                .extract().path("items[0].id"));
        String postReference = "RGD-E2E-" + UUID.randomUUID().toString().substring(0, 8);
        String postId = api(gateway, hrToken)
                .header("Idempotency-Key", UUID.randomUUID().toString())
                .body(Map.of("organisationCode", "RGD", "posts", List.of(Map.of(
                        "postReference", postReference, "roleProfileId", profile, "fte", 0.8,
                        "team", "Crisis Resolution and Home Treatment", "status", "FILLED",
                        "funding", Map.of("kind", "RECURRENT"), "holderStaffReference", "E-E2E-0001"))))
                .post("/api/v1/posts/bulk")
                .then().statusCode(200)
                .extract().path("posts[0].id");

        // pay-equity-service accepts pay for a post only once its own copy of the post has arrived by event.
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> api(gateway, run("token", "hr-rgd").get(0))
                .header("Idempotency-Key", UUID.randomUUID().toString())
                .body(Map.of("organisationCode", "RGD", "records", List.of(Map.of(
                        "postReference", postReference, "effectiveFrom", "2026-04-01", "basis", "SALARIED",
                        "band", "BAND_4", "point", 1, "fte", 0.8))))
                .post("/api/v1/pay-records/bulk")
                .then().statusCode(200));
        api(gateway, hrToken).queryParam("organisation", "RGD").queryParam("post", postId)
                .get("/api/v1/pay-records")
                .then().statusCode(200).body("items.postId", hasItem(postId));

        String icsToken = run("token", "ics-dashboard-qwo").get(0);
        api(gateway, icsToken).queryParam("icb", "QWO").queryParam("rule", "BAND_VARIANCE")
                .get("/api/v1/parity-findings")
                .then().statusCode(200).body("items", not(empty()));

        // The demo trusts' supervision history, and a practitioner's calendar feed, which calendar clients read without
        // a token: its address is made from the gateway's public URL.
        api(gateway, hrToken).queryParam("organisation", "RGD").queryParam("status", "HELD")
                .get("/api/v1/sessions")
                .then().statusCode(200).body("items", not(empty()));
        String feed = api(gateway, run("token", "hr-rgd").get(0))
                .body(Map.of("owner", "SUPERVISEE", "organisationCode", "RGD", "staffReference", "E-RGD-31524"))
                .post("/api/v1/calendar-feeds")
                .then().statusCode(201).extract().path("url");
        assertThat(feed).startsWith(gateway + "/api/v1/calendars/feed.ics?token=");
        assertThat(given().get(feed).then().statusCode(200).extract().asString())
                .startsWith("BEGIN:VCALENDAR").contains("BEGIN:VEVENT");

        // The operator's view of every service's consumers: nothing parked after the demo data and this test.
        assertThat(run("dead-letters")).contains("roles-service: 0 dead letter(s)", "pay-equity-service: 0 dead letter(s)",
                "supervision-service: 0 dead letter(s)");

        stopStack();

        startStack(LATER_START);
        assertThat(output).anyMatch(line -> line.contains("demo data") && line.contains("loaded on the first run"));
        api(gateway, run("token", "hr-rgd").get(0)).queryParam("organisation", "RGD").queryParam("post", postId)
                .get("/api/v1/pay-records")
                .then().statusCode(200).body("items.postId", hasItem(postId));
        stopStack();
    }

    private void startStack(Duration timeout) throws IOException {
        output.clear();
        ProcessBuilder builder = new ProcessBuilder(ROOT.resolve("lxp").toString(), "up").directory(ROOT.toFile())
                .redirectErrorStream(true);
        builder.environment().putAll(environment);
        up = builder.start();
        Thread reader = new Thread(() -> copyLines(up), "lxp-up-output");
        reader.setDaemon(true);
        reader.start();
        await().atMost(timeout).pollInterval(Duration.ofMillis(500))
                .until(() -> !up.isAlive() || output.stream().anyMatch(line -> line.contains("is ready")));
        assertThat(up.isAlive()).as("./lxp up is still running; its output:\n%s", String.join("\n", output)).isTrue();
    }

    private void stopStack() throws Exception {
        List<String> down = run("down");
        assertThat(down).contains("Stopped.");
        assertThat(up.waitFor(3, TimeUnit.MINUTES)).as("./lxp up exits after ./lxp down").isTrue();
        // ./lxp down sends SIGTERM: the launcher stops every component in its shutdown hook and exits as 128 + 15.
        assertThat(up.exitValue()).isEqualTo(143);
        await().atMost(Duration.ofSeconds(5)).until(() -> output.contains("Stopped."));
        assertThat(output).anyMatch(line -> line.contains("postgres") && line.contains("stopped"));
        assertThat(ProcessHandle.allProcesses().filter(this::belongsToThisStack).map(this::describe).toList())
                .as("processes of the stack left running").isEmpty();
    }

    private List<String> run(String... arguments) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(ROOT.resolve("lxp").toString()));
        command.addAll(List.of(arguments));
        ProcessBuilder builder = new ProcessBuilder(command).directory(ROOT.toFile());
        builder.environment().putAll(environment);
        builder.redirectError(ProcessBuilder.Redirect.INHERIT);
        Process process = builder.start();
        List<String> lines = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).lines().toList();
        assertThat(process.waitFor(3, TimeUnit.MINUTES)).isTrue();
        assertThat(process.exitValue()).as("./lxp %s printed %s", String.join(" ", arguments), lines).isZero();
        return lines;
    }

    private void copyLines(Process process) {
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = reader.readLine()) != null) {
                output.add(line);
                System.out.println("[lxp up] " + line);
            }
        } catch (IOException ended) {
            // The process has gone; its output ends here.
        }
    }

    private static RequestSpecification api(String gateway, String token) {
        return given().baseUri(gateway).auth().oauth2(token).contentType(ContentType.JSON).accept(ContentType.JSON);
    }

    /** Every process of this stack names its data folder on its command line (Java components, PostgreSQL, Keycloak). */
    private boolean belongsToThisStack(ProcessHandle process) {
        return process.pid() != ProcessHandle.current().pid()
                && process.info().commandLine().map(line -> line.contains(home.toString())).orElse(false);
    }

    private String describe(ProcessHandle process) {
        return process.pid() + " " + process.info().commandLine().orElse("?");
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
