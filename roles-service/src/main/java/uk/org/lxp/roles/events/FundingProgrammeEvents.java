package uk.org.lxp.roles.events;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import uk.org.lxp.events.outbox.Outbox;
import uk.org.lxp.events.outbox.OutboxEvent;
import uk.org.lxp.roles.FundingApplication;
import uk.org.lxp.roles.FundingProgramme;
import uk.org.lxp.roles.PayBand;
import uk.org.lxp.roles.RoleFamily;
import uk.org.lxp.roles.RoleLevel;

/**
 * A funding programme with every organisation's answer, keyed by programme id, after each change: a compacted topic
 * whose latest event per programme is the whole of it. About organisations only, never a person.
 */
@ApplicationScoped
public class FundingProgrammeEvents {

    public static final String TOPIC = "lxp.roles.funding-programme.v1";
    public static final String RECORDED = "lxp.roles.FundingProgrammeRecorded";
    public static final String APPLICATION_RECORDED = "lxp.roles.FundingApplicationRecorded";

    private final Outbox outbox;

    FundingProgrammeEvents(Outbox outbox) {
        this.outbox = outbox;
    }

    public record ApplicationState(String organisationCode, FundingApplication.State state, LocalDate decidedNotToApplyOn,
            LocalDate appliedOn, LocalDate decidedOn, LocalDate withdrawnOn, LocalDate awardedOn,
            List<FundingApplication.NotApplyingReason> reasons, String reasonText, int version) {

        static ApplicationState of(FundingApplication a) {
            return new ApplicationState(a.organisation(), a.state(), a.decidedNotToApplyOn(), a.appliedOn(), a.decidedOn(),
                    a.withdrawnOn(), a.awardedOn(), a.reasons().stream().sorted().toList(), a.reasonText(), a.version());
        }
    }

    public record ProgrammeState(UUID id, String name, String funder, LocalDate offeredOn, LocalDate applicationsOpen,
            LocalDate applicationsClose, PayBand fundedBand, RoleFamily family, RoleLevel level, int postsPerOrganisation,
            BigDecimal amountPerOrganisationGbp, List<String> eligibleOrganisations, List<ApplicationState> applications,
            int version) {

        static ProgrammeState of(FundingProgramme p, List<FundingApplication> applications) {
            return new ProgrammeState(p.id(), p.name(), p.funder(), p.offeredOn(), p.applicationsOpen(),
                    p.applicationsClose(), p.fundedBand(), p.family(), p.level(), p.postsPerOrganisation(),
                    p.amountPerOrganisationGbp(), p.eligibleOrganisations().stream().sorted().toList(),
                    applications.stream().sorted(Comparator.comparing(FundingApplication::organisation))
                            .map(ApplicationState::of).toList(), p.version());
        }
    }

    public void record(String type, FundingProgramme programme, List<FundingApplication> applications) {
        outbox.record(new OutboxEvent("funding-programme", programme.id().toString(), type, TOPIC,
                ProgrammeState.of(programme, applications)));
    }
}
