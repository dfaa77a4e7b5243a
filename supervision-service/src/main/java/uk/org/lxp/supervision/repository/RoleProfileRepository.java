package uk.org.lxp.supervision.repository;

import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import uk.org.lxp.supervision.RoleProfile;

@ApplicationScoped
public class RoleProfileRepository implements PanacheRepositoryBase<RoleProfile, UUID> {
}
