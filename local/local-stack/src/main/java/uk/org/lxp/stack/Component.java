package uk.org.lxp.stack;

import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;

/** One running part of the stack: a process the launcher started and must stop. */
interface Component {

    String name();

    long pid();

    boolean isAlive();

    /** Stops gracefully, and forcibly after a grace period; returns once the process has gone. */
    void stop();

    Path log();

    CompletableFuture<?> onExit();

    default String logTail() {
        return LogFiles.tail(log(), 25);
    }
}
