package uk.org.lxp.demo;

/** Counts what a phase created and changed, as the services report it. */
final class Tally {

    private int created;
    private int changed;

    void created(int count) {
        created += count;
    }

    void changed(int count) {
        changed += count;
    }

    DemoSummary.Count of(int total) {
        return new DemoSummary.Count(total, created, changed);
    }
}
