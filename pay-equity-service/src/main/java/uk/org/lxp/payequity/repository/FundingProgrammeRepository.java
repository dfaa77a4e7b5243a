package uk.org.lxp.payequity.repository;

import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import uk.org.lxp.payequity.FundingProgramme;

@ApplicationScoped
public class FundingProgrammeRepository implements PanacheRepositoryBase<FundingProgramme, UUID> {
}
