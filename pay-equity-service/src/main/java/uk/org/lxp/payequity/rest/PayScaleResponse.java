package uk.org.lxp.payequity.rest;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import uk.org.lxp.payequity.AfcBand;
import uk.org.lxp.payequity.PayPoint;

@Schema(name = "PayScale", description = "Agenda for Change pay points of one pay year, by band")
public record PayScaleResponse(
        @Schema(example = "2025-26") String payYear,
        LocalDate effectiveFrom,
        List<Band> bands) {

    @Schema(name = "PayScaleBand")
    public record Band(@Schema(example = "BAND_3") AfcBand band, List<Point> points) {
    }

    @Schema(name = "PayPoint")
    public record Point(
            @Schema(example = "1") int point,
            @Schema(example = "24937.00") BigDecimal annualGbp,
            @Schema(description = "Full-time hourly rate: annual / 52.143 / 37.5", example = "12.75") BigDecimal hourlyRate,
            @Schema(description = "Years at this point before the next; empty at the top of the band", example = "2")
            Integer yearsToNextPoint) {
    }

    static PayScaleResponse of(List<PayPoint> points) {
        Map<AfcBand, List<Point>> bands = new LinkedHashMap<>();
        for (PayPoint point : points) {
            bands.computeIfAbsent(point.band(), band -> new java.util.ArrayList<>())
                    .add(new Point(point.point(), point.annualGbp(), point.hourlyRate(), point.yearsToNextPoint()));
        }
        PayPoint first = points.get(0);
        return new PayScaleResponse(first.payYear().toString(), first.effectiveFrom(),
                bands.entrySet().stream().map(e -> new Band(e.getKey(), e.getValue())).toList());
    }
}
