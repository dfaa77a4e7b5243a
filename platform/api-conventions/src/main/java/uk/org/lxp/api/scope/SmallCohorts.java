package uk.org.lxp.api.scope;

/**
 * Figures about fewer than {@link #MINIMUM} people could single someone out (holding an LXP post implies lived
 * experience of mental ill-health), so every service suppresses them for everyone but lxp-admin
 * ({@link CallerScope#seesSmallCohorts()}), and in every event an ICS reads.
 */
public final class SmallCohorts {

    public static final int MINIMUM = 5;

    private SmallCohorts() {
    }

    /** Why figures were suppressed, e.g. {@code reason("people are in this cohort")}. */
    public static String reason(String whoAreCounted) {
        return "Fewer than " + MINIMUM + " " + whoAreCounted;
    }
}
