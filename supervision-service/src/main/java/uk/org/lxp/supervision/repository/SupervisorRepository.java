package uk.org.lxp.supervision.repository;

import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Sort;
import uk.org.lxp.supervision.Supervisor;

@ApplicationScoped
public class SupervisorRepository implements PanacheRepositoryBase<Supervisor, UUID> {

    public boolean exists(String organisationCode, String staffReference) {
        return count("organisationCode = ?1 and staffReference = ?2", organisationCode, staffReference) > 0;
    }

    public List<Supervisor> inOrganisation(String organisationCode, int pageIndex, int pageSize) {
        return find("organisationCode", Sort.by("staffReference").and("id"), organisationCode)
                .page(Page.of(pageIndex, pageSize)).list();
    }

    public long countInOrganisation(String organisationCode) {
        return count("organisationCode", organisationCode);
    }
}
