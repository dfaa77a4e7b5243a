package uk.org.lxp.roles.repository;

import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;
import uk.org.lxp.roles.FundingApplication;
import uk.org.lxp.roles.FundingProgramme;

@ApplicationScoped
public class FundingProgrammeRepository implements PanacheRepositoryBase<FundingProgramme, UUID> {

    /** Every programme, most recently offered first. */
    public List<FundingProgramme> newestFirst() {
        return listAll(Sort.by("offeredOn").descending().and("name"));
    }

    public boolean nameTaken(String name) {
        return count("lower(name) = lower(?1)", name) > 0;
    }

    public FundingApplication application(UUID programme, String organisation) {
        return getEntityManager().find(FundingApplication.class, new FundingApplication.Key(programme, organisation));
    }

    public List<FundingApplication> applications(UUID programme) {
        return getEntityManager().createQuery("from FundingApplication a where a.key.programmeId = :programme",
                FundingApplication.class).setParameter("programme", programme).getResultList();
    }
}
