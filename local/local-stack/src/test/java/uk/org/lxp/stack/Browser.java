package uk.org.lxp.stack;

import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import org.awaitility.core.ConditionTimeoutException;

/**
 * Debian's Chromium, headless, driven through Debian's chromedriver by the W3C WebDriver protocol: the handful of
 * commands a person's clicks need (open, find, click, type, switch window, read text, screenshot). Spoken directly
 * over HTTP because the Selenium client brings OpenTelemetry and Guava versions the Quarkus platform pins lower.
 */
final class Browser implements AutoCloseable {

    static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    private static final String ELEMENT = "element-6066-11e4-a52e-4f735466cecf";
    private static final Duration WAIT = Duration.ofSeconds(30);
    /** Longest a single WebDriver command may take (a page load is one). */
    private static final Duration COMMAND_TIMEOUT = Duration.ofSeconds(60);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Process driver;
    private final HttpClient http = HttpClient.newHttpClient();
    private final String session;
    private final Path screenshots;

    private Browser(Process driver, String endpoint, Path screenshots) throws IOException, InterruptedException {
        this.driver = driver;
        this.screenshots = screenshots;
        JsonNode created = send("POST", endpoint + "/session", Map.of("capabilities", Map.of("alwaysMatch", Map.of(
                "browserName", "chrome",
                "goog:chromeOptions", Map.of("binary", CHROMIUM.toString(), "args", List.of("--headless=new",
                        "--no-sandbox", "--disable-dev-shm-usage", "--window-size=1400,1000", "--no-first-run"))))));
        this.session = endpoint + "/session/" + created.path("value").path("sessionId").asText();
    }

    static boolean installed() {
        return Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER);
    }

    static Browser open(Path screenshots) throws IOException, InterruptedException {
        Files.createDirectories(screenshots);
        int port;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = socket.getLocalPort();
        }
        Process driver = new ProcessBuilder(CHROMEDRIVER.toString(), "--port=" + port, "--allowed-ips=127.0.0.1")
                .redirectErrorStream(true).redirectOutput(screenshots.resolve("chromedriver.log").toFile()).start();
        String endpoint = "http://127.0.0.1:" + port;
        try {
            await("chromedriver to start").atMost(WAIT).ignoreExceptionsInstanceOf(IOException.class)
                    .until(() -> JSON.readTree(HttpClient.newHttpClient().send(
                            HttpRequest.newBuilder(URI.create(endpoint + "/status")).GET().build(),
                            HttpResponse.BodyHandlers.ofString()).body()).path("value").path("ready").asBoolean());
            return new Browser(driver, endpoint, screenshots);
        } catch (RuntimeException | IOException | InterruptedException e) {
            driver.destroy();
            throw e;
        }
    }

    void go(String url) throws IOException, InterruptedException {
        command("POST", "/url", Map.of("url", url));
    }

    /** The first element the CSS selector finds, waiting for it to appear. */
    String find(String css) throws IOException, InterruptedException {
        return waitFor("an element " + css, () -> first(elements("css selector", css)));
    }

    /** The first element the XPath expression finds, waiting for it to appear. */
    String findByXpath(String xpath) throws IOException, InterruptedException {
        return waitFor("an element " + xpath, () -> first(elements("xpath", xpath)));
    }

    /** Whether the page has an element the CSS selector finds now, without waiting. */
    boolean has(String css) throws IOException, InterruptedException {
        return !elements("css selector", css).isEmpty();
    }

    /** The first element the selector finds whose text contains {@code text}, waiting for it. */
    String findWithText(String css, String text) throws IOException, InterruptedException {
        return waitFor("an element " + css + " reading \"" + text + "\"", () -> {
            for (String element : elements("css selector", css)) {
                if (text(element).contains(text)) {
                    return element;
                }
            }
            return null;
        });
    }

    private List<String> elements(String using, String value) throws IOException, InterruptedException {
        List<String> found = new ArrayList<>();
        command("POST", "/elements", Map.of("using", using, "value", value)).path("value")
                .forEach(element -> found.add(element.path(ELEMENT).asText()));
        return found;
    }

    private static String first(List<String> elements) {
        return elements.isEmpty() ? null : elements.get(0);
    }

    void click(String element) throws IOException, InterruptedException {
        command("POST", "/element/" + element + "/click", Map.of());
    }

    void type(String element, String text) throws IOException, InterruptedException {
        command("POST", "/element/" + element + "/clear", Map.of());
        command("POST", "/element/" + element + "/value", Map.of("text", text));
    }

    String text(String element) throws IOException, InterruptedException {
        return command("GET", "/element/" + element + "/text", null).path("value").asText();
    }

    /** Waits for a second window (a sign-in pop-up) and switches to it; returns the window it left. */
    String switchToNewWindow() throws IOException, InterruptedException {
        String current = command("GET", "/window", null).path("value").asText();
        String other = waitFor("a second window", () -> {
            for (JsonNode handle : command("GET", "/window/handles", null).path("value")) {
                if (!handle.asText().equals(current)) {
                    return handle.asText();
                }
            }
            return null;
        });
        command("POST", "/window", Map.of("handle", other));
        return current;
    }

    /** Waits until only {@code window} is left open, and switches to it. */
    void backTo(String window) throws IOException, InterruptedException {
        waitFor("the pop-up to close", () -> command("GET", "/window/handles", null).path("value").size() == 1 ? "" : null);
        command("POST", "/window", Map.of("handle", window));
    }

    void screenshot(String name) throws IOException, InterruptedException {
        Files.write(screenshots.resolve(name + ".png"),
                Base64.getDecoder().decode(command("GET", "/screenshot", null).path("value").asText()));
    }

    @Override
    public void close() throws InterruptedException {
        try {
            send("DELETE", session, null);
        } catch (IOException | IllegalStateException ignored) {
            // The driver and its browsers are stopped below whatever the browser said.
        } finally {
            driver.descendants().forEach(ProcessHandle::destroy);
            driver.destroy();
            if (!driver.waitFor(5, TimeUnit.SECONDS)) {
                driver.descendants().forEach(ProcessHandle::destroyForcibly);
                driver.destroyForcibly();
            }
        }
    }

    /** A condition the page reaches in its own time (scripts, redirects), polled until it holds or the wait is over. */
    private String waitFor(String what, Callable<String> check) throws IOException, InterruptedException {
        try {
            return await(what).atMost(WAIT).pollInterval(Duration.ofMillis(100))
                    .ignoreExceptionsInstanceOf(IllegalStateException.class).until(check, Objects::nonNull);
        } catch (ConditionTimeoutException e) {
            try {
                screenshot("timed-out");
            } catch (IOException | IllegalStateException unavailable) {
                e.addSuppressed(unavailable);
            }
            throw e;
        }
    }

    private JsonNode command(String method, String path, Object body) throws IOException, InterruptedException {
        return send(method, session + path, body);
    }

    private JsonNode send(String method, String url, Object body) throws IOException, InterruptedException {
        HttpRequest.BodyPublisher publisher = body == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body));
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(url)).timeout(COMMAND_TIMEOUT)
                .method(method, publisher).header("Content-Type", "application/json").build(),
                HttpResponse.BodyHandlers.ofString());
        JsonNode answer = JSON.readTree(response.body());
        if (response.statusCode() >= 400) {
            throw new IllegalStateException(method + " " + url + ": " + answer.path("value").path("error").asText()
                    + " " + answer.path("value").path("message").asText());
        }
        return answer;
    }

}
