package uk.org.lxp.supervision.rest;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import uk.org.lxp.supervision.TrainingCohort;

@Schema(name = "TrainingCohort", description = "A cohort of the training programme, where it is today, and its curriculum")
public record TrainingCohortResponse(
        UUID id,
        @Schema(example = "RGD") String organisationCode,
        @Schema(example = "Peer support worker training, spring 2027") String name,
        @Schema(example = "2027-03-01") LocalDate startDate,
        @Schema(example = "12") int weeks,
        @Schema(example = "2027-05-23") LocalDate lastDay,
        TrainingCohort.Status status,
        @Schema(description = "The programme week today falls in, while it runs", nullable = true, example = "7")
        Integer currentWeek,
        List<TrainingCohort.Module> modules,
        int version,
        Instant createdAt) {

    static TrainingCohortResponse of(TrainingCohort cohort, LocalDate today) {
        return new TrainingCohortResponse(cohort.id(), cohort.organisationCode(), cohort.name(), cohort.startDate(),
                cohort.weeks(), cohort.lastDay(), cohort.status(today), cohort.weekOn(today).orElse(null),
                cohort.modules(), cohort.version(), cohort.createdAt());
    }
}
