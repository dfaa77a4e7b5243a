package uk.org.lxp.api.scope;

import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * Figures about fewer than {@link #MINIMUM} people could single someone out (holding an LXP post implies lived
 * experience of mental ill-health), so every service suppresses them for everyone but lxp-admin
 * ({@link CallerScope#seesSmallCohorts()}), and in every event an ICS reads.
 */
public final class SmallCohorts {

    public static final int MINIMUM = 5;

    private SmallCohorts() {
    }

    /** How API documents type a count in a breakdown: a number, or null where it is suppressed. */
    @Schema(name = "SuppressibleCount", type = SchemaType.INTEGER, format = "int32", nullable = true,
            description = "A count; null where it is below 5 and suppressed", examples = "12")
    public static final class SuppressibleCount {

        private SuppressibleCount() {
        }
    }

    /** Which rows of a breakdown to hide, and whether its total must go too. */
    public record Suppression(Set<String> rows, boolean total) {
    }

    /**
     * Which rows of a breakdown to hide from a caller, given how many of each row's members it may not see in detail
     * (0 for a row it may): a row where 1 to {@link #MINIMUM} - 1 of them would show (the caller could take what it
     * knows away and see the rest); then, while the hidden rows together hold fewer than {@link #MINIMUM} of them (so
     * the total less the rows shown would give them away), the next smallest row holding any; and the total itself
     * when no such row is left.
     */
    public static Suppression suppress(Map<String, Integer> unseenByRow) {
        Set<String> hidden = new HashSet<>();
        unseenByRow.forEach((row, unseen) -> {
            if (unseen > 0 && unseen < MINIMUM) {
                hidden.add(row);
            }
        });
        while (true) {
            int hiddenCount = hidden.stream().mapToInt(unseenByRow::get).sum();
            if (hiddenCount == 0 || hiddenCount >= MINIMUM) {
                return new Suppression(Set.copyOf(hidden), false);
            }
            Optional<String> next = unseenByRow.entrySet().stream()
                    .filter(row -> !hidden.contains(row.getKey()) && row.getValue() > 0)
                    .min(Map.Entry.<String, Integer>comparingByValue().thenComparing(Map.Entry.comparingByKey()))
                    .map(Map.Entry::getKey);
            if (next.isEmpty()) {
                return new Suppression(Set.copyOf(hidden), true);
            }
            hidden.add(next.get());
        }
    }

    /** Why figures were suppressed, e.g. {@code reason("people are in this cohort")}. */
    public static String reason(String whoAreCounted) {
        return "Fewer than " + MINIMUM + " " + whoAreCounted;
    }
}
