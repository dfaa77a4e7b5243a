package uk.org.lxp.stack;

import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

public final class Processes {

    private static final long GRACE_SECONDS = 30;

    private Processes() {
    }

    /**
     * Asks a process to stop (SIGTERM), forces it after the grace period, and forces any process it had started that
     * outlives it, so nothing of a component survives its stop.
     */
    public static void stop(ProcessHandle process) {
        List<ProcessHandle> descendants = process.descendants().toList();
        process.destroy();
        if (!awaitExit(process, GRACE_SECONDS)) {
            process.destroyForcibly();
            awaitExit(process, GRACE_SECONDS);
        }
        descendants.stream().filter(ProcessHandle::isAlive).forEach(ProcessHandle::destroyForcibly);
    }

    static boolean awaitExit(ProcessHandle process, long seconds) {
        try {
            process.onExit().get(seconds, TimeUnit.SECONDS);
            return true;
        } catch (TimeoutException e) {
            return false;
        } catch (ExecutionException e) {
            return !process.isAlive();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return !process.isAlive();
        }
    }
}
