package uk.org.lxp.bench;

/** The wait between two polls of a condition with a deadline. */
final class Pauses {

    private Pauses() {
    }

    static void briefly() {
        try {
            Thread.sleep(5);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new BenchException("Interrupted while waiting", e);
        }
    }
}
