package uk.org.lxp.stack;

import java.io.PrintStream;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;

/**
 * {@code ./lxp down}, {@code status}, and the fault drills {@code kill}, {@code stop} and {@code start}: act on a stack
 * that another ./lxp process runs.
 */
final class StackControl {

    private static final long LAUNCHER_STOP_SECONDS = 180;
    private static final Duration LAUNCHER_ANSWER_TIMEOUT = Duration.ofMinutes(6);

    private StackControl() {
    }

    static int down(StackSettings settings, PrintStream out) {
        StackState state = StackState.read(settings.stateFile()).orElse(null);
        if (state == null) {
            out.println("No stack is running from " + settings.home() + ".");
            return 0;
        }
        state.launcher().ifPresent(launcher -> {
            out.println("Stopping the stack (launcher pid " + launcher.pid() + ")...");
            launcher.destroy();
            if (!Processes.awaitExit(launcher, LAUNCHER_STOP_SECONDS)) {
                out.println("The launcher did not stop within " + LAUNCHER_STOP_SECONDS + " s; stopping its components directly.");
                launcher.destroyForcibly();
            }
        });
        stopLeftovers(state, out);
        state.delete();
        out.println("Stopped.");
        return 0;
    }

    /** Components whose launcher is gone (killed, or crashed) are stopped one by one, newest first. */
    static void stopLeftovers(StackState state, PrintStream out) {
        for (Map.Entry<String, ProcessHandle> leftover : state.components().entrySet()) {
            out.println("  stopping " + leftover.getKey() + " (pid " + leftover.getValue().pid() + ")");
            Processes.stop(leftover.getValue());
        }
    }

    static int status(StackSettings settings, PrintStream out) {
        StackState state = StackState.read(settings.stateFile()).orElse(null);
        if (state == null || state.launcher().isEmpty()) {
            out.println("No stack is running from " + settings.home() + ".");
            return 3;
        }
        out.printf("  %-22s %8s %10s%n", "component", "pid", "memory");
        long total = 0;
        for (Map.Entry<String, ProcessHandle> component : state.components().entrySet()) {
            long bytes = Memory.bytes(component.getValue());
            total += bytes;
            out.printf("  %-22s %8d %10s%n", component.getKey(), component.getValue().pid(), Memory.megabytes(bytes));
        }
        out.printf("  %-22s %8s %10s%n", "total", "", Memory.megabytes(total));
        state.address("gateway").ifPresent(url -> out.println("  gateway " + url + "  (Swagger UI " + url + "/q/swagger-ui)"));
        return 0;
    }

    /**
     * Kills a component at once (SIGKILL), as a crash would, with whatever it started (Keycloak's script runs its JVM as a
     * child); the launcher starts it again.
     */
    static int kill(StackSettings settings, String component, PrintStream out) {
        ProcessHandle process = runningComponent(settings, component);
        List<ProcessHandle> descendants = process.descendants().toList();
        process.destroyForcibly();
        descendants.forEach(ProcessHandle::destroyForcibly);
        Processes.awaitExit(process, 30);
        descendants.forEach(descendant -> Processes.awaitExit(descendant, 30));
        out.println(component + " (pid " + process.pid() + ") killed; the launcher starts it again");
        return 0;
    }

    /** Has the launcher stop a component as it stops it at the end, and keep it stopped until {@code ./lxp start}. */
    static int stop(StackSettings settings, String component, PrintStream out) {
        ProcessHandle process = runningComponent(settings, component);
        HeldComponents held = new HeldComponents(settings);
        held.requestStop(component);
        awaitLauncher(settings, component, () -> held.isHeld(component), "stopped");
        out.println(component + " (pid " + process.pid() + ") stopped; ./lxp start " + component + " starts it again");
        return 0;
    }

    /** Asks the launcher to start a component that {@code ./lxp stop} stopped, and waits until it is ready. */
    static int start(StackSettings settings, String component, PrintStream out) {
        HeldComponents held = new HeldComponents(settings);
        runningLauncher(settings);
        if (!held.isHeld(component)) {
            throw new StackException(component + " was not stopped by ./lxp stop");
        }
        held.requestStart(component);
        awaitLauncher(settings, component, () -> !held.isAsked(component), "started again");
        out.println(component + " started again");
        return 0;
    }

    private static void awaitLauncher(StackSettings settings, String component, BooleanSupplier done, String what) {
        ProcessHandle launcher = runningLauncher(settings);
        Instant deadline = Instant.now().plus(LAUNCHER_ANSWER_TIMEOUT);
        while (!done.getAsBoolean()) {
            if (!launcher.isAlive()) {
                throw new StackException("The stack stopped before " + component + " was " + what + "; see its output");
            }
            if (Instant.now().isAfter(deadline)) {
                throw new StackException(component + " was not " + what + " within " + LAUNCHER_ANSWER_TIMEOUT.toMinutes()
                        + " minutes; see " + settings.logs().resolve(component + ".log"));
            }
            Readiness.pause();
        }
    }

    private static StackState runningStack(StackSettings settings) {
        return StackState.read(settings.stateFile()).filter(state -> state.launcher().isPresent())
                .orElseThrow(() -> new StackException("No stack is running from " + settings.home()));
    }

    private static ProcessHandle runningLauncher(StackSettings settings) {
        return runningStack(settings).launcher().orElseThrow();
    }

    private static ProcessHandle runningComponent(StackSettings settings, String component) {
        Map<String, ProcessHandle> components = runningStack(settings).components();
        ProcessHandle process = components.get(component);
        if (process == null) {
            throw new StackException("No component " + component + " is running; running: " + components.keySet());
        }
        return process;
    }
}
