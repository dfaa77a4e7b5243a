package uk.org.lxp.roles.repository;

import java.util.Collection;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import uk.org.lxp.api.paging.Paging;
import uk.org.lxp.roles.SteeringGroup;

@ApplicationScoped
public class SteeringGroupRepository implements PanacheRepositoryBase<SteeringGroup, UUID> {

    /** Groups of the owners listed, or of every owner when {@code owners} is null. */
    public List<SteeringGroup> list(Collection<String> owners, Paging paging) {
        return owners == null
                ? findAll(Sort.by("ownerOdsCode").and("name").and("id")).page(Page.of(paging.page(), paging.size())).list()
                : find("ownerOdsCode in :owners", Sort.by("ownerOdsCode").and("name").and("id"),
                        Parameters.with("owners", owners)).page(Page.of(paging.page(), paging.size())).list();
    }

    public long count(Collection<String> owners) {
        return owners == null ? count() : count("ownerOdsCode in :owners", Parameters.with("owners", owners));
    }

    public List<SteeringGroup> ownedBy(Collection<String> owners) {
        return list("ownerOdsCode in :owners", Parameters.with("owners", owners));
    }
}
