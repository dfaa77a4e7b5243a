package uk.org.lxp.roles.repository;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.orm.panache.PanacheQuery;
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

    /** Filters: type, membership of an ICB on a day, existence on a day; sorted by ODS code. */
    public record Filter(OrganisationType type, String icb, LocalDate on) {
    }

    public List<Organisation> list(Filter filter, int pageIndex, int pageSize) {
        return query(filter).page(Page.of(pageIndex, pageSize)).list();
    }

    public long count(Filter filter) {
        return query(filter).count();
    }

    private PanacheQuery<Organisation> query(Filter filter) {
        StringBuilder where = new StringBuilder("1 = 1");
        Map<String, Object> parameters = new HashMap<>();
        if (filter.type() != null) {
            where.append(" and organisation.type = :type");
            parameters.put("type", filter.type());
        }
        if (filter.on() != null) {
            where.append(" and (organisation.validFrom is null or organisation.validFrom <= :on)"
                    + " and (organisation.validTo is null or organisation.validTo >= :on)");
            parameters.put("on", filter.on());
        }
        if (filter.icb() != null) {
            LocalDate day = filter.on() == null ? LocalDate.now() : filter.on();
            where.append(" and exists (select 1 from Organisation o join o.icbMemberships m where o = organisation"
                    + " and m.icbOdsCode = :icb and m.validFrom <= :day and (m.validTo is null or m.validTo >= :day))");
            parameters.put("icb", filter.icb());
            parameters.put("day", day);
        }
        return find("from Organisation organisation where " + where, Sort.by("organisation.odsCode"), parameters);
    }
}
