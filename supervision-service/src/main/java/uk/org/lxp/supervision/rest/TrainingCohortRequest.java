package uk.org.lxp.supervision.rest;

import java.time.LocalDate;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import uk.org.lxp.api.constraints.OdsCode;
import uk.org.lxp.supervision.TrainingCohort;
import uk.org.lxp.supervision.service.TrainingService.NewCohort;

@Schema(name = "TrainingCohortRequest", description = "A cohort of the training programme and its curriculum")
public record TrainingCohortRequest(
        @Schema(example = "RGD") @NotNull @OdsCode String organisationCode,
        @Schema(example = "Peer support worker training, spring 2027") @NotBlank @Size(max = 120) String name,
        @Schema(example = "2027-03-01") @NotNull LocalDate startDate,
        @Schema(description = "How many weeks the programme runs; 12 when left out", nullable = true, example = "12")
        @Min(1) @Max(52) Integer weeks,
        @Schema(description = "The curriculum, in teaching order") @NotEmpty @Size(max = 40) List<@NotNull @Valid ModuleBody> modules) {

    @Schema(name = "CurriculumModule", description = "A module of the curriculum and the programme week it is planned for")
    public record ModuleBody(
            @Schema(example = "Using your lived experience safely") @NotBlank @Size(max = 120) String name,
            @Schema(example = "3") @NotNull @Min(1) @Max(52) Integer plannedWeek) {
    }

    NewCohort toCommand() {
        return new NewCohort(organisationCode, name, startDate, weeks == null ? TrainingCohort.DEFAULT_WEEKS : weeks,
                modules.stream().map(module -> new TrainingCohort.Module(0, module.name().strip(), module.plannedWeek()))
                        .toList());
    }
}
