package uk.org.lxp.payequity.repository;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.orm.panache.PanacheRepository;
import io.quarkus.panache.common.Sort;
import uk.org.lxp.payequity.AfcBand;
import uk.org.lxp.payequity.PayPoint;
import uk.org.lxp.payequity.PayYear;

@ApplicationScoped
public class PayPointRepository implements PanacheRepository<PayPoint> {

    /** Band codes sort in pay order as text (2 .. 7, 8a .. 8d, 9). */
    public List<PayPoint> forYear(PayYear year) {
        return list("payYear", Sort.by("band").and("point"), year.toString());
    }

    /** A year's scale, as read, as a lookup: the annual pay of a band's point, null for a point the band lacks. */
    public static BiFunction<AfcBand, Integer, BigDecimal> annualOfPoint(List<PayPoint> scale) {
        Map<String, BigDecimal> annual = new HashMap<>();
        scale.forEach(point -> annual.put(point.band().code() + "/" + point.point(), point.annualGbp()));
        return (band, point) -> annual.get(band.code() + "/" + point);
    }

    public boolean hasYear(PayYear year) {
        return count("payYear", year.toString()) > 0;
    }

    public List<String> years() {
        return getEntityManager()
                .createQuery("SELECT DISTINCT p.payYear FROM PayPoint p ORDER BY p.payYear", String.class)
                .getResultList();
    }
}
