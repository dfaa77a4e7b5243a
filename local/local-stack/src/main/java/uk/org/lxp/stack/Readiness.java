package uk.org.lxp.stack;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.function.BooleanSupplier;

/** Waits until a component serves, failing early with its log when it dies or the deadline passes. */
final class Readiness {

    private static final Duration PAUSE = Duration.ofMillis(250);
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();

    private Readiness() {
    }

    static void awaitHttpOk(Component component, String url, Duration timeout) {
        await(component, url + " answers 200", timeout, () -> answersOk(url));
    }

    static void await(Component component, String condition, Duration timeout, BooleanSupplier ready) {
        await(List.of(component), condition, timeout, ready);
    }

    /** Waits until components that start together are ready together, e.g. the brokers of a cluster. */
    static void await(List<? extends Component> components, String condition, Duration timeout, BooleanSupplier ready) {
        Instant deadline = Instant.now().plus(timeout);
        while (Instant.now().isBefore(deadline)) {
            for (Component component : components) {
                if (!component.isAlive()) {
                    throw new StackException(component.name() + " exited while starting\n" + component.logTail());
                }
            }
            if (ready.getAsBoolean()) {
                return;
            }
            pause();
        }
        Component first = components.get(0);
        throw new StackException(first.name() + " was not ready within " + timeout.toSeconds()
                + " s (waiting until " + condition + ")\n" + first.logTail());
    }

    static boolean answersOk(String url) {
        try {
            HttpRequest request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(2)).GET().build();
            return HTTP.send(request, HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
        } catch (IOException notYet) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StackException("Interrupted while waiting for the stack", e);
        }
    }

    /** A quarter of a second between looks at something that takes its time. */
    static void pause() {
        try {
            Thread.sleep(PAUSE.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StackException("Interrupted while waiting for the stack", e);
        }
    }
}
