package uk.org.lxp.api.scope;

/** How far an aggregate reaches: one organisation, one ICB, or the nation. */
public sealed interface Reach {

    record Organisation(String odsCode) implements Reach {
    }

    record Icb(String odsCode) implements Reach {
    }

    record National() implements Reach {
    }

    static Reach of(String organisation, String icb) {
        if (organisation != null) {
            return new Organisation(organisation);
        }
        return icb != null ? new Icb(icb) : new National();
    }
}
