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

import uk.org.lxp.payequity.AfcBand;
import uk.org.lxp.payequity.PayPoint;
import uk.org.lxp.payequity.PayYear;
import uk.org.lxp.payequity.repository.PayPointRepository;

@ApplicationScoped
public class PayScaleService {

    private final PayPointRepository payPoints;

    PayScaleService(PayPointRepository payPoints) {
        this.payPoints = payPoints;
    }

    public record NewPayPoint(AfcBand band, int point, BigDecimal annualGbp, Integer yearsToNextPoint) {
    }

    public List<PayPoint> scale(PayYear year) {
        List<PayPoint> points = payPoints.forYear(year);
        if (points.isEmpty()) {
            throw new UnknownPayYearException(year);
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
            throw new PayYearExistsException(year);
        }
        if (effectiveFrom.getYear() != year.startYear()) {
            throw new InvalidPayScaleException("effectiveFrom " + effectiveFrom + " is not in " + year);
        }
        Map<AfcBand, List<NewPayPoint>> byBand = points.stream()
                .collect(Collectors.groupingBy(NewPayPoint::band));
        for (AfcBand band : AfcBand.values()) {
            List<NewPayPoint> bandPoints = byBand.getOrDefault(band, List.of()).stream()
                    .sorted(Comparator.comparingInt(NewPayPoint::point))
                    .toList();
            if (bandPoints.isEmpty()) {
                throw new InvalidPayScaleException("Band " + band.code() + " has no pay points");
            }
            for (int i = 0; i < bandPoints.size(); i++) {
                NewPayPoint point = bandPoints.get(i);
                if (point.point() != i + 1) {
                    throw new InvalidPayScaleException("Band " + band.code() + " points must run 1, 2, 3 …; found "
                            + point.point() + " where " + (i + 1) + " belongs");
                }
                if (i > 0 && point.annualGbp().compareTo(bandPoints.get(i - 1).annualGbp()) <= 0) {
                    throw new InvalidPayScaleException("Band " + band.code() + " point " + point.point()
                            + " must pay more than point " + i);
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
            throw new PayYearExistsException(year);
        }
        return payPoints.forYear(year);
    }
}
