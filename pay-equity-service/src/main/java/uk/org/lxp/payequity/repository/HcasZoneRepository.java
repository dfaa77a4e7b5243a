package uk.org.lxp.payequity.repository;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import uk.org.lxp.payequity.HcasZone;

@ApplicationScoped
public class HcasZoneRepository implements PanacheRepositoryBase<HcasZone, HcasZone.Key> {
}
