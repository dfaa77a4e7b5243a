package uk.org.lxp.api.scope;

import java.time.LocalDate;
import java.util.Optional;
import java.util.Set;

/**
 * Which organisations exist and which ICB each belongs to on a day: what the scope policy needs to know of
 * organisations. roles-service answers from its own organisations; the other services from their copy of
 * roles-service's organisation events (the organisation-directory library).
 */
public interface OrganisationDirectory {

    /** Whether the code names an organisation, or an ICB that an organisation has belonged to. */
    boolean isKnown(String odsCode);

    Optional<String> icbOf(String odsCode, LocalDate day);

    Set<String> membersOf(String icbOdsCode, LocalDate day);
}
