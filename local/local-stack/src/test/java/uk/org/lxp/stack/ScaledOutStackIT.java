package uk.org.lxp.stack;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.notNullValue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Array;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import uk.org.lxp.stack.SteadyLoad.Write;

/**
 * The suite scaled out as {@code ./lxp up --scaled-out} runs it: two instances of each service behind the gateway and
 * three Kafka brokers, every topic copied to all three and a write needing two. Under a steady load through the gateway,
 * a broker is killed, then one instance of each service, and the launcher starts each again: every write the suite
 * accepted must reach both of its consumers exactly once, and reads must not fail, the gateway sending them only to
 * live instances. Then the database is stopped and started (503 problem documents meanwhile, the services recovering
 * without a restart), and Keycloak (tokens already issued still accepted, new ones refused plainly).
 */
class ScaledOutStackIT {

    private static final Duration FIRST_START = Duration.ofMinutes(14);
    private static final Duration STARTED_AGAIN = Duration.ofMinutes(4);
    private static final Duration PACE = Duration.ofMillis(100);
    private static final Duration STEADY = Duration.ofSeconds(15);
    private static final String POST_TOPIC = "lxp.roles.post.v1";
    /** One person-level read of each service, as an HR system makes them. */
    private static final List<String> READS = SteadyLoad.READS;
    /** The services consuming post events: their databases, and their consumer's name in processed_event. */
    private static final Map<String, String> CONSUMERS = Map.of("pay_equity", "pay-equity-service.roles-posts",
            "supervision", "supervision-service.roles-posts");

    @TempDir
    Path home;

    private RunningStack stack;

    @AfterEach
    void stopWhateverIsLeft() throws Exception {
        if (stack != null) {
            stack.close();
            stack.keepLogs(Path.of("target", "scaled-out-stack-logs"));
        }
    }

    @Test
    void acceptedWritesReachEveryConsumerOnceWhileBrokersAndInstancesAreKilledAndTheDatabaseAndKeycloakStop()
            throws Exception {
        stack = RunningStack.onFreePorts(home, StackSettings.SCALED_OUT);
        String gateway = stack.gateway();
        stack.start(FIRST_START);
        assertThat(stack.output()).anyMatch(line -> line.contains("3 brokers"))
                .anyMatch(line -> line.contains("supervision-service-2") && line.contains("ready in"));
        assertThat(replicationOf(POST_TOPIC)).isEqualTo("3 copies, at least 2 in sync");

        AtomicReference<String> hrToken = new AtomicReference<>(stack.token("hr-rgd"));
        ScheduledExecutorService tokens = Executors.newSingleThreadScheduledExecutor();
        tokens.scheduleWithFixedDelay(() -> refresh(hrToken), 1, 1, TimeUnit.MINUTES);
        UUID profile = UUID.fromString(given().auth().oauth2(hrToken.get()).baseUri(gateway)
                .queryParam("owner", "RGD").queryParam("status", "PUBLISHED").get("/api/v1/role-profiles")
                .then().statusCode(200).extract().path("items[0].id"));

        List<Write> writes;
        List<SteadyLoad.FailedRead> failedReads;
        int reads;
        Duration slowestRead;
        Instant loadBegan = Instant.now();
        try (SteadyLoad load = new SteadyLoad(gateway, hrToken::get, profile, PACE)) {
            load.start();
            steady(load);

            stack.run("kill", "kafka-2");
            awaitStartedAgain("kafka-2");
            steady(load);

            List<String> instances = List.of("roles-service-2", "pay-equity-service-2", "supervision-service-2");
            for (String instance : instances) {
                stack.run("kill", instance);
            }
            assertThat(readiness(gateway)).containsValue("UP: 1 of 2 instances ready");
            for (String instance : instances) {
                awaitStartedAgain(instance);
            }
            steady(load);

            writes = load.stop();
            failedReads = load.failedReads();
            reads = load.reads();
            slowestRead = load.slowestRead();
        } finally {
            tokens.shutdownNow();
        }
        Duration loadTook = Duration.between(loadBegan, Instant.now());
        assertThat(readiness(gateway)).containsOnlyKeys("roles-service", "pay-equity-service", "supervision-service")
                .allSatisfy((service, status) -> assertThat(status).isEqualTo("UP"));

        List<Write> accepted = writes.stream().filter(Write::isAccepted).toList();
        assertThat(writes).as("every write was accepted in the end").allMatch(Write::isAccepted);
        Set<String> acceptedPosts = accepted.stream().map(Write::postId).collect(Collectors.toSet());
        assertThat(acceptedPosts).as("one post per write").hasSize(accepted.size());
        Published published = await().atMost(Duration.ofMinutes(2)).until(
                () -> publishedFor(acceptedPosts), found -> found.recordsPerPost().keySet().containsAll(acceptedPosts));
        Set<String> eventIds = published.eventIds();
        for (Map.Entry<String, String> consumer : CONSUMERS.entrySet()) {
            await().atMost(Duration.ofMinutes(2)).untilAsserted(() -> assertThat(postsHeldBy(consumer.getKey(), acceptedPosts))
                    .as("posts %s holds", consumer.getKey()).isEqualTo(acceptedPosts.size()));
            assertThat(eventsApplied(consumer.getKey(), consumer.getValue(), eventIds))
                    .as("events %s recorded as applied", consumer.getValue()).isEqualTo(eventIds.size());
        }
        assertThat(roleServicePosts(acceptedPosts)).isEqualTo(acceptedPosts.size());

        int retried = (int) writes.stream().filter(write -> write.attempts() > 1).count();
        Duration longest = writes.stream().map(Write::timeToAccept).max(Duration::compareTo).orElse(Duration.ZERO);
        long recordsOnTopic = published.recordsPerPost().values().stream().mapToLong(Integer::intValue).sum();
        System.out.printf("""
                Scaled-out faults: %d writes accepted in %d s (a new post every %d ms, a read every %d ms), %d retried \
                (%s); longest from first attempt to accepted %d ms; %d reads, %d failed, the slowest answered in %d ms.
                Events: %d records on %s for those posts, %d distinct events (%d published twice, dropped by the \
                consumers); each consumer (%s) holds all %d posts and recorded every event as applied.%n""",
                accepted.size(), loadTook.toSeconds(), PACE.toMillis(), PACE.toMillis(), retried, failuresByKind(writes),
                longest.toMillis(), reads, failedReads.size(), slowestRead.toMillis(), recordsOnTopic, POST_TOPIC, eventIds.size(),
                recordsOnTopic - eventIds.size(), CONSUMERS.values(), acceptedPosts.size());
        assertThat(failedReads).as("reads while instances and a broker were killed").isEmpty();

        theDatabaseStopsAndTheServicesRecoverWithoutARestart(gateway);
        keycloakStopsAndTokensAlreadyIssuedStillWork(gateway);

        stack.stop();
    }

    /** The stack's PostgreSQL stopped: 503 problem documents, then the same processes answer again once it is back. */
    private void theDatabaseStopsAndTheServicesRecoverWithoutARestart(String gateway) throws Exception {
        String token = stack.token("hr-rgd");
        Map<String, Long> before = servicePids();
        stack.run("stop", "postgres");
        Instant stopped = Instant.now();
        for (String path : READS) {
            given().auth().oauth2(token).baseUri(gateway).get(path)
                    .then().statusCode(503).contentType("application/problem+json").header("Retry-After", notNullValue());
        }
        stack.run("start", "postgres");
        Instant restarted = Instant.now();
        await().atMost(Duration.ofSeconds(90)).untilAsserted(() -> {
            for (String path : READS) {
                given().auth().oauth2(token).baseUri(gateway).get(path).then().statusCode(200);
            }
        });
        Duration servicesBack = Duration.between(restarted, Instant.now());
        // Each instance's pool held connections from before the stop: reads enough to need several of them all succeed.
        ExecutorService callers = Executors.newFixedThreadPool(8);
        try {
            List<Future<Integer>> answers = new ArrayList<>();
            for (int i = 0; i < 48; i++) {
                String path = READS.get(i % READS.size());
                answers.add(callers.submit(() -> given().auth().oauth2(token).baseUri(gateway).get(path).statusCode()));
            }
            for (Future<Integer> answer : answers) {
                assertThat(answer.get(30, TimeUnit.SECONDS)).as("a read once the database was back").isEqualTo(200);
            }
        } finally {
            callers.shutdownNow();
        }
        assertThat(servicePids()).as("no service was restarted").isEqualTo(before);
        // Keycloak keeps its data in the same PostgreSQL: it answers 500 until its pool has dropped the closed connections.
        List<String> refusals = new ArrayList<>();
        await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(500)).until(() -> {
            RunningStack.Attempt attempt = stack.attempt("token", "hr-rgd");
            if (attempt.exitCode() != 0) {
                refusals.add(attempt.output().strip());
            }
            return attempt.exitCode() == 0;
        });
        System.out.printf("Database stopped for %d ms; every service answered again %d ms after it was back; Keycloak "
                + "issued tokens again %d ms after, having refused %d (%s).%n", Duration.between(stopped, restarted).toMillis(),
                servicesBack.toMillis(), Duration.between(restarted, Instant.now()).toMillis(), refusals.size(), refusals);
    }

    /** Keycloak stopped: a token issued before is still accepted (keys cached); a new one cannot be had, plainly said. */
    private void keycloakStopsAndTokensAlreadyIssuedStillWork(String gateway) throws Exception {
        String issued = stack.token("hr-rgd");
        stack.run("stop", "keycloak");

        for (String path : READS) {
            given().auth().oauth2(issued).baseUri(gateway).get(path).then().statusCode(200);
        }
        RunningStack.Attempt refused = stack.attempt("token", "hr-rgd");
        assertThat(refused.exitCode()).isNotZero();
        assertThat(refused.output()).contains("Could not reach Keycloak");

        stack.run("start", "keycloak");
        given().auth().oauth2(stack.token("hr-rgd")).baseUri(gateway).get("/api/v1/posts?organisation=RGD&size=1")
                .then().statusCode(200);
    }

    private void steady(SteadyLoad load) {
        int before = load.writes().size();
        await().atMost(STEADY.multipliedBy(4)).pollInterval(Duration.ofMillis(200))
                .until(() -> load.writes().size() >= before + STEADY.toMillis() / PACE.toMillis());
    }

    private void awaitStartedAgain(String component) {
        await().atMost(STARTED_AGAIN).pollInterval(Duration.ofMillis(500)).until(() -> stack.output().stream()
                .anyMatch(line -> line.contains(component + " ") && line.contains("started again")));
        stack.output().removeIf(line -> line.contains(component + " ") && line.contains("started again"));
    }

    private void refresh(AtomicReference<String> token) {
        try {
            token.set(stack.token("hr-rgd"));
        } catch (Exception | AssertionError keepTheOld) {
            System.out.println("Could not refresh the token: " + keepTheOld);
        }
    }

    private static Map<String, String> readiness(String gateway) {
        return given().baseUri(gateway).get("/q/health/ready").then().statusCode(200)
                .extract().jsonPath().getMap("checks.find { it.name == 'downstream services' }.data");
    }

    private static String failuresByKind(List<Write> writes) {
        Map<String, Long> kinds = writes.stream().flatMap(write -> write.failures().stream())
                .collect(Collectors.groupingBy(failure -> failure.length() > 60 ? failure.substring(0, 60) : failure,
                        Collectors.counting()));
        return kinds.isEmpty() ? "no failures" : kinds.toString();
    }

    private Map<String, Long> servicePids() {
        Map<String, Long> pids = new HashMap<>();
        StackState.read(home.resolve("stack.properties")).orElseThrow().components().forEach((name, process) -> {
            if (name.contains("service") || name.equals("gateway")) {
                pids.put(name, process.pid());
            }
        });
        return pids;
    }

    private String replicationOf(String topic) throws Exception {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, stack.kafkaBootstrap()))) {
            TopicDescription description = admin.describeTopics(List.of(topic)).allTopicNames().get(30, TimeUnit.SECONDS).get(topic);
            ConfigResource resource = new ConfigResource(ConfigResource.Type.TOPIC, topic);
            String minInSync = admin.describeConfigs(List.of(resource)).all().get(30, TimeUnit.SECONDS).get(resource)
                    .get("min.insync.replicas").value();
            return description.partitions().get(0).replicas().size() + " copies, at least " + minInSync + " in sync";
        }
    }

    /** What the post topic holds about some posts: how many records of each, and their distinct event ids. */
    private record Published(Map<String, Integer> recordsPerPost, Set<String> eventIds) {
    }

    private Published publishedFor(Set<String> posts) {
        Properties config = new Properties();
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, stack.kafkaBootstrap());
        config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        config.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
        config.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
        Map<String, Integer> perPost = new HashMap<>();
        Set<String> eventIds = new HashSet<>();
        // The records of every partition up to its end now, however long the brokers take to hand them over.
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(config)) {
            List<TopicPartition> partitions = consumer.partitionsFor(POST_TOPIC).stream()
                    .map(info -> new TopicPartition(POST_TOPIC, info.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> ends = consumer.endOffsets(partitions);
            Instant deadline = Instant.now().plusSeconds(60);
            while (partitions.stream().anyMatch(partition -> consumer.position(partition) < ends.get(partition))
                    && Instant.now().isBefore(deadline)) {
                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(500))) {
                    if (posts.contains(record.key())) {
                        perPost.merge(record.key(), 1, Integer::sum);
                        // The CloudEvent id in binary mode, as event-outbox writes it and consumers deduplicate by.
                        Header id = record.headers().lastHeader("ce_id");
                        eventIds.add(new String(id.value(), StandardCharsets.UTF_8));
                    }
                }
            }
        }
        return new Published(perPost, eventIds);
    }

    private long postsHeldBy(String database, Collection<String> posts) throws Exception {
        return count(database, "SELECT count(*) FROM post WHERE id = ANY (?::uuid[])", posts);
    }

    private long eventsApplied(String database, String consumer, Collection<String> eventIds) throws Exception {
        return count(database, "SELECT count(*) FROM processed_event WHERE consumer = '" + consumer
                + "' AND event_id = ANY (?)", eventIds);
    }

    private long roleServicePosts(Collection<String> posts) throws Exception {
        return count("roles", "SELECT count(*) FROM post WHERE id = ANY (?::uuid[])", posts);
    }

    private long count(String database, String query, Collection<String> values) throws Exception {
        String login = database + "_service";
        String url = "jdbc:postgresql://127.0.0.1:" + stack.port(StackSettings.Port.POSTGRES) + "/" + database;
        try (Connection connection = DriverManager.getConnection(url, login,
                Credentials.in(home.resolve("data")).password(login));
                PreparedStatement statement = connection.prepareStatement(query)) {
            Array array = connection.createArrayOf("text", new ArrayList<>(values).toArray());
            statement.setArray(1, array);
            try (ResultSet rows = statement.executeQuery()) {
                rows.next();
                return rows.getLong(1);
            }
        }
    }
}
