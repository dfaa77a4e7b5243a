package uk.org.lxp.payequity.service;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import org.hibernate.exception.ConstraintViolationException;

import uk.org.lxp.http.problems.Conflict;
import uk.org.lxp.http.problems.InvalidRequest;
import uk.org.lxp.http.problems.NotFound;
import uk.org.lxp.payequity.AfcBand;
import uk.org.lxp.payequity.PayPoint;
import uk.org.lxp.payequity.PayYear;
import uk.org.lxp.payequity.repository.PayPointRepository;

@ApplicationScoped
public class PayScaleService {

    private final PayPointRepository payPoints;
    private final ParityEvaluationTrigger parity;

    PayScaleService(PayPointRepository payPoints, ParityEvaluationTrigger parity) {
        this.payPoints = payPoints;
        this.parity = parity;
    }

    public record NewPayPoint(AfcBand band, int point, BigDecimal annualGbp, Integer yearsToNextPoint) {
    }

    public List<PayPoint> scale(PayYear year) {
        List<PayPoint> points = payPoints.forYear(year);
        if (points.isEmpty()) {
            throw new NotFound("No pay scale is held for pay year " + year);
        }
        return points;
    }

    public List<String> years() {
        return payPoints.years();
    }

    /**
     * Adds a whole pay year. Within each band the points must run 1, 2, 3 … with pay rising at every point,
     * and every band must be present, because every role may be banded anywhere.
     */
    @Transactional
    public List<PayPoint> addYear(PayYear year, LocalDate effectiveFrom, List<NewPayPoint> points) {
        if (payPoints.hasYear(year)) {
            throw yearExists(year);
        }
        if (effectiveFrom.getYear() != year.startYear()) {
            throw InvalidRequest.inBody("effectiveFrom", effectiveFrom + " is not in pay year " + year);
        }
        Map<AfcBand, List<NewPayPoint>> byBand = points.stream()
                .collect(Collectors.groupingBy(NewPayPoint::band));
        for (AfcBand band : AfcBand.values()) {
            List<NewPayPoint> bandPoints = byBand.getOrDefault(band, List.of()).stream()
                    .sorted(Comparator.comparingInt(NewPayPoint::point))
                    .toList();
            if (bandPoints.isEmpty()) {
                throw InvalidRequest.inBody("points", band + " has no pay points");
            }
            for (int i = 0; i < bandPoints.size(); i++) {
                NewPayPoint point = bandPoints.get(i);
                if (point.point() != i + 1) {
                    throw InvalidRequest.inBody("points", band + " points must run 1, 2, 3 …; found " + point.point()
                            + " where " + (i + 1) + " belongs");
                }
                if (i > 0 && point.annualGbp().compareTo(bandPoints.get(i - 1).annualGbp()) <= 0) {
                    throw InvalidRequest.inBody("points", band + " point " + point.point() + " must pay more than point " + i);
                }
            }
        }
        List<PayPoint> created = points.stream()
                .map(p -> new PayPoint(year, effectiveFrom, p.band(), p.point(), p.annualGbp(), p.yearsToNextPoint()))
                .toList();
        try {
            payPoints.persist(created);
            payPoints.flush();
        } catch (ConstraintViolationException concurrentAdd) {
            throw yearExists(year);
        }
        // Entry pay, equal value and cost to close read the scale of the pay year of today.
        parity.request();
        return payPoints.forYear(year);
    }

    private static Conflict yearExists(PayYear year) {
        return new Conflict("Pay year " + year + " already has a pay scale");
    }
}
