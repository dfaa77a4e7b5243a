package uk.org.lxp.supervision.rest;

import java.util.List;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import uk.org.lxp.supervision.Trainee;

/** The bodies that record a trainee's progress. */
public final class TraineeProgress {

    private TraineeProgress() {
    }

    @Schema(name = "ModuleAttendanceRequest", description = "Attendance of modules whose planned week has begun")
    public record Attendance(@NotEmpty @Size(max = 52) List<@NotNull @Valid Module> modules) {
    }

    @Schema(name = "ModuleAttended", description = "Whether the trainee attended a module (by its position in the curriculum)")
    public record Module(@Schema(example = "3") @NotNull @Min(1) Integer position, @Schema(example = "true") @NotNull Boolean attended) {
    }

    @Schema(name = "TraineeWithdrawalRequest", description = "Why a trainee left the programme early: a category only")
    public record Withdrawal(@Schema(example = "TOOK_OTHER_EMPLOYMENT") @NotNull Trainee.WithdrawalReason reason) {
    }

    @Schema(name = "Recruitment", description = "The post (roles-service's id) the trainee was recruited into")
    public record Recruitment(@NotNull UUID postId) {
    }
}
