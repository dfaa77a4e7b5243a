package uk.org.lxp.bench;

/** The wait between two polls of a condition with a deadline, or before sending a refused batch again. */
final class Pauses {

    private Pauses() {
    }

    /** Between polls of something local that answers within milliseconds. */
    static void briefly() {
        pause(5);
    }

    static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new BenchException("Interrupted while waiting", e);
        }
    }
}
