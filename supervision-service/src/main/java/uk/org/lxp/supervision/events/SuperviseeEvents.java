package uk.org.lxp.supervision.events;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import uk.org.lxp.events.outbox.Outbox;
import uk.org.lxp.events.outbox.OutboxEvent;
import uk.org.lxp.supervision.Supervisee;
import uk.org.lxp.supervision.SupervisionType;

/** A post holder's compliance changed, keyed by supervisee id: an internal topic (staff references). */
@ApplicationScoped
public class SuperviseeEvents {

    public static final String TOPIC = "lxp.supervision.supervisee.v1";
    public static final String COMPLIANT = "lxp.supervision.SuperviseeCompliant";
    public static final String OVERDUE = "lxp.supervision.SuperviseeOverdue";
    public static final String UNSUPERVISED = "lxp.supervision.SuperviseeUnsupervised";

    private final Outbox outbox;

    SuperviseeEvents(Outbox outbox) {
        this.outbox = outbox;
    }

    public record SuperviseeState(UUID id, String organisationCode, String staffReference, Supervisee.Standing standing,
            LocalDate standingSince, List<SupervisionType> missingSupervision, int version) {

        static SuperviseeState of(Supervisee supervisee) {
            return new SuperviseeState(supervisee.id(), supervisee.organisationCode(), supervisee.staffReference(),
                    supervisee.standing(), supervisee.standingSince(), supervisee.missingSupervision(),
                    supervisee.version());
        }
    }

    /** The events of these supervisees' new standings, in one batch. */
    public void record(List<Supervisee> supervisees) {
        outbox.recordAll(supervisees.stream().map(supervisee -> new OutboxEvent("supervisee",
                supervisee.id().toString(), typeOf(supervisee.standing()), TOPIC, SuperviseeState.of(supervisee)))
                .toList());
    }

    private static String typeOf(Supervisee.Standing standing) {
        return switch (standing) {
            case COMPLIANT -> COMPLIANT;
            case OVERDUE -> OVERDUE;
            case UNSUPERVISED -> UNSUPERVISED;
        };
    }
}
