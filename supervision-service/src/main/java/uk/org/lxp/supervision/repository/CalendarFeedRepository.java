package uk.org.lxp.supervision.repository;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;
import uk.org.lxp.supervision.CalendarFeed;

@ApplicationScoped
public class CalendarFeedRepository implements PanacheRepositoryBase<CalendarFeed, UUID> {

    public Optional<CalendarFeed> byTokenHash(String tokenHash) {
        return find("tokenHash", tokenHash).firstResultOptional();
    }

    /** An organisation's feeds, or one person's when {@code staffReference} is given. */
    public List<CalendarFeed> of(String organisation, String staffReference) {
        return staffReference == null ? list("organisationCode", Sort.by("createdAt"), organisation)
                : list("organisationCode = ?1 and staffReference = ?2", Sort.by("createdAt"), organisation, staffReference);
    }
}
