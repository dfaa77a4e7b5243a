package uk.org.lxp.supervision.repository;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;
import uk.org.lxp.supervision.Arrangement;

@ApplicationScoped
public class ArrangementRepository implements PanacheRepositoryBase<Arrangement, UUID> {

    /** Whether the provider's supervisors may supervise the receiving organisation's LXPs on the day. */
    public boolean coversOn(String provider, String receiving, LocalDate day) {
        return list("providerOrganisation = ?1 and receivingOrganisation = ?2", provider, receiving).stream()
                .anyMatch(arrangement -> arrangement.isValidOn(day));
    }

    /** The arrangements an organisation is party to, either way. */
    public List<Arrangement> of(String organisation) {
        return list("providerOrganisation = ?1 or receivingOrganisation = ?1",
                Sort.by("receivingOrganisation").and("providerOrganisation").and("validFrom"), organisation);
    }
}
