package uk.org.lxp.api.scope;

import java.util.Optional;

/**
 * Whose person-level records a grant reaches inside the organisations it covers: anyone's, or only the caller's own
 * ({@code self}, a practitioner) and those of the people the caller supervises ({@code superviseesOf}, a supervisor).
 * Services that hold no person-level records about supervision treat anything but {@link #anyone()} as no access.
 */
public record Persons(boolean anyone, Optional<String> self, Optional<String> superviseesOf) {

    public static final Persons ANYONE = new Persons(true, Optional.empty(), Optional.empty());
    public static final Persons NOBODY = new Persons(false, Optional.empty(), Optional.empty());

    public static Persons self(String staffReference) {
        return new Persons(false, Optional.of(staffReference), Optional.empty());
    }

    public static Persons superviseesOf(String staffReference) {
        return new Persons(false, Optional.empty(), Optional.of(staffReference));
    }

    /**
     * Whether a record about {@code person} (supervised by {@code supervisor}, if it names one) is within reach: the
     * caller's own record, or one of someone the caller supervises, or anyone's.
     */
    public boolean reaches(String person, Optional<String> supervisor) {
        return anyone || self.filter(person::equals).isPresent()
                || superviseesOf.filter(own -> own.equals(person) || supervisor.filter(own::equals).isPresent()).isPresent();
    }

    public boolean nobody() {
        return !anyone && self.isEmpty() && superviseesOf.isEmpty();
    }

    /** Both reaches together, as when a token carries two roles. */
    Persons and(Persons other) {
        if (anyone || other.anyone) {
            return ANYONE;
        }
        return new Persons(false, self.or(() -> other.self), superviseesOf.or(() -> other.superviseesOf));
    }
}
