package uk.org.lxp.roles.repository;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Sort;
import uk.org.lxp.roles.Organisation;
import uk.org.lxp.roles.OrganisationType;

@ApplicationScoped
public class OrganisationRepository implements PanacheRepositoryBase<Organisation, UUID> {

    public Optional<Organisation> findByOdsCode(String odsCode) {
        return find("odsCode", odsCode).firstResultOptional();
    }

    public List<Organisation> list(OrganisationType type, int pageIndex, int pageSize) {
        Sort byCode = Sort.by("odsCode");
        var query = type == null ? findAll(byCode) : find("type", byCode, type);
        return query.page(Page.of(pageIndex, pageSize)).list();
    }

    public long count(OrganisationType type) {
        return type == null ? count() : count("type", type);
    }
}
