package uk.org.lxp.demo;

import java.time.Duration;

/** How long the loader may wait for the stack to catch up with itself (events travel through Kafka). */
final class Deadline {

    private final long endNanos;

    private Deadline(long endNanos) {
        this.endNanos = endNanos;
    }

    static Deadline after(Duration timeout) {
        return new Deadline(System.nanoTime() + timeout.toNanos());
    }

    boolean hasPassed() {
        return System.nanoTime() - endNanos >= 0;
    }

    static void pause(Duration pause) {
        try {
            Thread.sleep(pause.toMillis());
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new DemoDataException("Interrupted while waiting for the stack", interrupted);
        }
    }
}
