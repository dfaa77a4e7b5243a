package uk.org.lxp.supervision.rest;

import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import uk.org.lxp.api.constraints.OdsCode;
import uk.org.lxp.api.constraints.StaffReference;
import uk.org.lxp.supervision.Supervisor;
import uk.org.lxp.supervision.service.SupervisorService.NewSupervisor;

@Schema(name = "SupervisorRequest", description = "A supervisor as the employer's HR system holds them; the person is"
        + " named by staff reference only. On a change, organisation and staff reference must stay the same.")
public record SupervisorRequest(
        @Schema(description = "ODS code of the employing organisation", example = "RGD")
        @NotNull @OdsCode
        String organisationCode,
        @Schema(description = "The HR system's opaque staff reference; never a name or an email", example = "E-104233")
        @NotNull @StaffReference
        String staffReference,
        @Schema(description = "Whether the supervisor is a lived experience practitioner", example = "true")
        @NotNull
        Boolean livedExperience,
        @Schema(description = "Their LXP role family, when they are an LXP", example = "PEER_SUPPORT", nullable = true)
        @Size(max = 60)
        String lxpFamily,
        @Schema(description = "Their LXP role level, when they are an LXP", example = "SENIOR", nullable = true)
        @Size(max = 40)
        String lxpLevel,
        @Schema(description = "How many people they can supervise", example = "6")
        @NotNull @Min(1) @Max(Supervisor.MAX_CAPACITY)
        Integer maxSupervisees,
        @Schema(description = "When they work; Monday to Friday 09:00-17:00 if left out", nullable = true)
        @Valid
        WorkingHours workingHours,
        @Schema(description = "Leave and other days away, as days only", nullable = true)
        @Size(max = 100) @Valid
        List<@NotNull AwayPeriod> away,
        @Schema(description = "Work email for calendar invitations: the only email the suite keeps", example = "a.supervisor@nhs.net",
                nullable = true)
        @Email @Size(max = 254)
        String workEmail) {

    NewSupervisor toCommand() {
        return new NewSupervisor(organisationCode, staffReference, details());
    }

    Supervisor.Details details() {
        return new Supervisor.Details(livedExperience, lxpFamily, lxpLevel, maxSupervisees,
                workingHours == null ? null : workingHours.toPattern(),
                away == null ? null : away.stream().map(AwayPeriod::toRange).toList(), workEmail);
    }
}
