package uk.org.lxp.stack;

import java.io.PrintStream;
import java.util.Map;

/** {@code ./lxp down} and {@code ./lxp status}: act on a stack that another ./lxp process runs. */
final class StackControl {

    private static final long LAUNCHER_STOP_SECONDS = 180;

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
        out.printf("  %-20s %8s %10s%n", "component", "pid", "memory");
        long total = 0;
        for (Map.Entry<String, ProcessHandle> component : state.components().entrySet()) {
            long bytes = Memory.bytes(component.getValue());
            total += bytes;
            out.printf("  %-20s %8d %10s%n", component.getKey(), component.getValue().pid(), Memory.megabytes(bytes));
        }
        out.printf("  %-20s %8s %10s%n", "total", "", Memory.megabytes(total));
        state.address("gateway").ifPresent(url -> out.println("  gateway " + url + "  (Swagger UI " + url + "/q/swagger-ui)"));
        return 0;
    }
}
