package uk.org.lxp.supervision.repository;

import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Sort;
import uk.org.lxp.api.paging.Paging;
import uk.org.lxp.supervision.TrainingCohort;

@ApplicationScoped
public class TrainingCohortRepository implements PanacheRepositoryBase<TrainingCohort, UUID> {

    public List<TrainingCohort> inOrganisation(String organisation, Paging paging) {
        return find("organisationCode", Sort.descending("startDate").and("id"), organisation)
                .page(Page.of(paging.page(), paging.size())).list();
    }

    public long countInOrganisation(String organisation) {
        return count("organisationCode", organisation);
    }
}
