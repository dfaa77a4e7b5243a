package uk.org.lxp.roles.repository;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Sort;
import uk.org.lxp.api.paging.Paging;
import uk.org.lxp.api.paging.Where;
import uk.org.lxp.roles.Organisation;
import uk.org.lxp.roles.OrganisationType;

@ApplicationScoped
public class OrganisationRepository implements PanacheRepositoryBase<Organisation, UUID> {

    /** Membership of an ICB on a day, for any query over organisations {@code o}. */
    static final String MEMBER_OF_ICB = "exists (select 1 from Organisation mo join mo.icbMemberships m where mo.odsCode = %s"
            + " and m.icbOdsCode = :icb and m.validFrom <= :day and (m.validTo is null or m.validTo >= :day))";

    public Optional<Organisation> findByOdsCode(String odsCode) {
        return find("odsCode", odsCode).firstResultOptional();
    }

    /** The organisations that belonged to an ICB on a day. */
    public Set<String> membersOf(String icb, LocalDate day) {
        return Set.copyOf(getEntityManager().createQuery("select o.odsCode from Organisation o where "
                        + MEMBER_OF_ICB.formatted("o.odsCode"), String.class)
                .setParameter("icb", icb).setParameter("day", day).getResultList());
    }

    /** Whether any organisation has ever belonged to an ICB of this code. */
    public boolean isIcbOfAny(String icb) {
        return !getEntityManager().createQuery("select 1 from Organisation o join o.icbMemberships m where m.icbOdsCode = :icb")
                .setParameter("icb", icb).setMaxResults(1).getResultList().isEmpty();
    }

    /** Filters: type, membership of an ICB on a day, existence on a day; sorted by ODS code. */
    public record Filter(OrganisationType type, String icb, LocalDate on, LocalDate today) {
    }

    public List<Organisation> list(Filter filter, Paging paging) {
        return query(filter).page(Page.of(paging.page(), paging.size())).list();
    }

    public long count(Filter filter) {
        return query(filter).count();
    }

    private PanacheQuery<Organisation> query(Filter filter) {
        LocalDate day = filter.on() == null ? filter.today() : filter.on();
        Where where = new Where()
                .equal("organisation.type", "type", filter.type())
                .and(filter.on() != null, "(organisation.validFrom is null or organisation.validFrom <= :on)"
                        + " and (organisation.validTo is null or organisation.validTo >= :on)", onDay(filter.on()))
                .and(filter.icb() != null, MEMBER_OF_ICB.formatted("organisation.odsCode"), memberOf(filter.icb(), day));
        return find("from Organisation organisation where " + where, Sort.by("organisation.odsCode"), where.parameters());
    }

    private static Map<String, Object> onDay(LocalDate on) {
        return on == null ? Map.of() : Map.of("on", on);
    }

    /** The parameters of {@link #MEMBER_OF_ICB}; none when no ICB is asked for. */
    static Map<String, Object> memberOf(String icb, LocalDate day) {
        return icb == null ? Map.of() : Map.of("icb", icb, "day", day);
    }
}
