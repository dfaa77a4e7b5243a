package uk.org.lxp.stack;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Components an operator stops with {@code ./lxp stop}: the launcher, which owns every component, stops it and leaves
 * it stopped, instead of starting it again as it does a component that stops unexpectedly, until {@code ./lxp start}
 * asks for it. One file per component in the stack's home saying what was asked and what was done: "stop" (asked),
 * "held" (stopped), "start" (asked); the launcher removes it once the component is running again.
 */
final class HeldComponents {

    private static final String STOP = "stop";
    private static final String HELD = "held";
    private static final String START = "start";

    private final Path folder;

    HeldComponents(StackSettings settings) {
        this.folder = settings.home().resolve("held");
    }

    void requestStop(String component) {
        write(component, STOP);
    }

    boolean stopRequested(String component) {
        return STOP.equals(read(component));
    }

    void hold(String component) {
        write(component, HELD);
    }

    /** Stopped by the launcher at an operator's request, and not yet asked to start. */
    boolean isHeld(String component) {
        return HELD.equals(read(component));
    }

    /** Asked to stop, stopped, or asked to start again: not running as usual. */
    boolean isAsked(String component) {
        return Files.isRegularFile(file(component));
    }

    void requestStart(String component) {
        write(component, START);
    }

    boolean startRequested(String component) {
        return START.equals(read(component));
    }

    void release(String component) {
        try {
            Files.deleteIfExists(file(component));
        } catch (IOException e) {
            throw new StackException("Could not delete " + file(component) + ": " + e.getMessage(), e);
        }
    }

    /** What an earlier run left: a new launcher starts every component. */
    void clear() {
        Stack.deleteRecursively(folder);
    }

    private Path file(String component) {
        return folder.resolve(component);
    }

    private String read(String component) {
        try {
            return Files.readString(file(component), StandardCharsets.UTF_8).trim();
        } catch (IOException gone) {
            return "";
        }
    }

    private void write(String component, String what) {
        try {
            Files.createDirectories(folder);
            Files.writeString(file(component), what, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new StackException("Could not write " + file(component) + ": " + e.getMessage(), e);
        }
    }
}
