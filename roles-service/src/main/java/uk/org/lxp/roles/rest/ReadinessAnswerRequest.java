package uk.org.lxp.roles.rest;

import java.util.Set;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import uk.org.lxp.roles.Perspective;

@Schema(name = "ReadinessAnswerRequest", description = "How a readiness topic was settled, and whose perspectives went into it")
public record ReadinessAnswerRequest(
        @Schema(example = "Agreed at two co-production workshops: people with experience of the early intervention"
                + " service, carers' forum representatives and the community team. The role supports people aged 18-35"
                + " in their first episode of psychosis, including those from racialised communities under-served today.")
        @NotBlank @Size(max = 4000) String answer,
        @Schema(description = "Whose views went into the answer; readiness needs people who use services or carers"
                + " and the provider (team members, partners or lived-experience leads)",
                example = "[\"PEOPLE_WHO_USE_SERVICES\", \"CARERS\", \"TEAM_MEMBERS\"]")
        @NotEmpty Set<@NotNull Perspective> perspectives) {
}
