package uk.org.lxp.api.scope;

import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What a caller reaches of one class of data: every organisation, or those listed, and in each whether staff
 * references may be shown and whose records (see {@link Persons}). Lists filter by it; single reads check it.
 */
public final class Visibility {

    /** What the caller reaches within one organisation. */
    public record Grant(boolean staffReferences, Persons persons) {

        Grant and(Grant other) {
            return new Grant(staffReferences || other.staffReferences, persons.and(other.persons));
        }
    }

    private final Grant everywhere;
    private final Map<String, Grant> byOrganisation;

    Visibility(Grant everywhere, Map<String, Grant> byOrganisation) {
        this.everywhere = everywhere;
        this.byOrganisation = Map.copyOf(byOrganisation);
    }

    /** Empty when every organisation is covered; else the organisations that are. */
    public Optional<Set<String>> organisations() {
        return everywhere != null ? Optional.empty() : Optional.of(byOrganisation.keySet());
    }

    public boolean covers(String organisation) {
        return grantIn(organisation).isPresent();
    }

    public boolean isEmpty() {
        return everywhere == null && byOrganisation.isEmpty();
    }

    /** What the caller reaches in the organisation; {@code null} stands for national data, which no organisation owns. */
    public Optional<Grant> grantIn(String organisation) {
        if (organisation == null) {
            return Optional.ofNullable(everywhere);
        }
        Grant own = byOrganisation.get(organisation);
        if (everywhere == null) {
            return Optional.ofNullable(own);
        }
        return Optional.of(own == null ? everywhere : own.and(everywhere));
    }

    public boolean staffReferencesIn(String organisation) {
        return grantIn(organisation).map(Grant::staffReferences).orElse(false);
    }
}
