package uk.org.lxp.bench;

import java.io.PrintStream;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * An access token per client that stays valid through a run longer than a token lives (five minutes): each is taken
 * again in the background every minute, so the thread sending at a fixed rate never waits for Keycloak.
 */
final class CurrentTokens implements AutoCloseable {

    private static final Duration REFRESH = Duration.ofMinutes(1);

    private final BenchStack stack;
    private final PrintStream out;
    private final Map<String, String> tokens = new ConcurrentHashMap<>();
    private final ScheduledExecutorService refresher = Executors.newSingleThreadScheduledExecutor(task -> {
        Thread thread = new Thread(task, "token-refresh");
        thread.setDaemon(true);
        return thread;
    });

    CurrentTokens(BenchStack stack, List<String> clients, PrintStream out) {
        this.stack = stack;
        this.out = out;
        clients.forEach(client -> tokens.put(client, stack.token(client)));
        refresher.scheduleAtFixedRate(this::refresh, REFRESH.toSeconds(), REFRESH.toSeconds(), TimeUnit.SECONDS);
    }

    String of(String client) {
        String token = tokens.get(client);
        if (token == null) {
            throw new BenchException("No token was taken for " + client);
        }
        return token;
    }

    /** A failed refresh keeps the token it had, still valid for minutes; the next minute tries again. */
    private void refresh() {
        for (String client : tokens.keySet()) {
            try {
                tokens.put(client, stack.token(client));
            } catch (RuntimeException e) {
                out.println("  could not take a new token for " + client + " (the current one stays): " + e.getMessage());
            }
        }
    }

    @Override
    public void close() {
        refresher.shutdownNow();
    }
}
