package uk.org.lxp.supervision.events;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import uk.org.lxp.events.outbox.Outbox;
import uk.org.lxp.events.outbox.OutboxEvent;
import uk.org.lxp.supervision.Agreement;
import uk.org.lxp.supervision.Cadence;
import uk.org.lxp.supervision.Compliance;
import uk.org.lxp.supervision.SupervisionType;

/** Agreement changes, keyed by agreement id, with the whole agreement: an internal topic (staff references). */
@ApplicationScoped
public class AgreementEvents {

    public static final String TOPIC = "lxp.supervision.agreement.v1";
    public static final String CREATED = "lxp.supervision.AgreementCreated";
    public static final String CHANGED = "lxp.supervision.AgreementChanged";
    public static final String ENDED = "lxp.supervision.AgreementEnded";
    public static final String BECAME_OVERDUE = "lxp.supervision.AgreementBecameOverdue";
    public static final String BECAME_COMPLIANT = "lxp.supervision.AgreementBecameCompliant";

    private final Outbox outbox;

    AgreementEvents(Outbox outbox) {
        this.outbox = outbox;
    }

    public record AgreementState(UUID id, String organisationCode, String superviseeStaffReference, UUID supervisorId,
            String supervisorStaffReference, SupervisionType type, String rule, LocalDate firstDay, LocalTime time,
            long durationMinutes, LocalDate lastDay, int minimumEveryDays, Agreement.Status status,
            Compliance.Standing standing, LocalDate standingSince, LocalDate lastHeldOn, int version, Instant updatedAt) {

        static AgreementState of(Agreement agreement) {
            Cadence cadence = agreement.cadence();
            return new AgreementState(agreement.id(), agreement.organisationCode(), agreement.superviseeStaffReference(),
                    agreement.supervisorId(), agreement.supervisorStaffReference(), agreement.type(), cadence.rule(),
                    cadence.firstDay(), cadence.time(), cadence.duration().toMinutes(), cadence.lastDay(),
                    agreement.minimumEveryDays(), agreement.status(), agreement.standing(), agreement.standingSince(),
                    agreement.lastHeldOn(), agreement.version(), agreement.updatedAt());
        }
    }

    public void record(String type, Agreement agreement) {
        outbox.record(new OutboxEvent("agreement", agreement.id().toString(), type, TOPIC, AgreementState.of(agreement)));
    }
}
