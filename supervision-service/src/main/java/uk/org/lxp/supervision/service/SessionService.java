package uk.org.lxp.supervision.service;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import uk.org.lxp.api.Audit;
import uk.org.lxp.api.ETags;
import uk.org.lxp.http.problems.Conflict;
import uk.org.lxp.http.problems.NotFound;
import uk.org.lxp.http.problems.RuleBroken;
import uk.org.lxp.http.problems.UnknownReference;
import uk.org.lxp.supervision.Cancellation;
import uk.org.lxp.supervision.SessionStatus;
import uk.org.lxp.supervision.SupervisionSession;
import uk.org.lxp.supervision.events.SessionEvents;
import uk.org.lxp.supervision.repository.SessionRepository;

/**
 * What became of sessions (held, cancelled, missed) and moving one session: the rest of its series is not touched.
 * Only dates, status, who cancelled and a reason category are kept; never what was discussed.
 */
@ApplicationScoped
public class SessionService {

    private final SessionRepository sessions;
    private final SessionPlanning planning;
    private final ComplianceService compliance;
    private final SessionEvents events;
    private final Audit audit;
    private final Clock clock;

    SessionService(SessionRepository sessions, SessionPlanning planning, ComplianceService compliance, SessionEvents events,
            Audit audit, Clock clock) {
        this.sessions = sessions;
        this.planning = planning;
        this.compliance = compliance;
        this.events = events;
        this.audit = audit;
        this.clock = clock;
    }

    /** What became of one session. {@code attended} is for group sessions; {@code cancellation} for a cancelled one. */
    public record Outcome(SessionStatus status, Boolean attended, Cancellation cancellation) {

        public Outcome {
            if (status != SessionStatus.HELD && status != SessionStatus.CANCELLED && status != SessionStatus.MISSED) {
                throw new IllegalArgumentException("An outcome is HELD, CANCELLED or MISSED, not " + status);
            }
            if ((status == SessionStatus.CANCELLED) != (cancellation != null)) {
                throw new IllegalArgumentException("Who cancelled and why are given for a cancelled session, and only then");
            }
            if (attended != null && status != SessionStatus.HELD) {
                throw new IllegalArgumentException("Attendance is recorded for a held session only");
            }
        }
    }

    /** One outcome of a bulk record, for the session with {@code sessionId}. */
    public record SessionOutcome(UUID sessionId, Outcome outcome) {
    }

    @Schema(name = "SessionOutcomesResult")
    public record OutcomesResult(@Schema(example = "42") int recorded) {
    }

    /** Records what became of a session, if the caller has seen its current version. */
    @Transactional
    public SupervisionSession record(UUID id, String ifMatch, Outcome outcome, Consumer<SupervisionSession> mayChange) {
        SupervisionSession session = load(id);
        mayChange.accept(session);
        ETags.requireMatch(ifMatch, session.version());
        apply(session, outcome, "");
        compliance.afterOutcome(session);
        return session;
    }

    /**
     * Records many outcomes (an HR system's history, say), all or nothing; a refusal names the item. Compliance is
     * reviewed once for each agreement the outcomes touch, after all of them, not once per session.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public OutcomesResult recordAll(List<SessionOutcome> outcomes, Consumer<SupervisionSession> mayChange) {
        Map<UUID, SupervisionSession> lastOfAgreement = new LinkedHashMap<>();
        int recorded = 0;
        for (int i = 0; i < outcomes.size(); i++) {
            SessionOutcome item = outcomes.get(i);
            String at = "outcomes[" + i + "].";
            SupervisionSession session = sessions.findByIdOptional(item.sessionId()).orElseThrow(() ->
                    UnknownReference.inBody(at + "sessionId", "No session with id " + item.sessionId()));
            mayChange.accept(session);
            apply(session, item.outcome(), at);
            lastOfAgreement.put(session.agreementId(), session);
            recorded++;
        }
        lastOfAgreement.values().forEach(compliance::afterOutcome);
        return new OutcomesResult(recorded);
    }

    /**
     * Moves one session to a wall-clock time in England, if nothing stops it there (bank holiday, working hours,
     * leave, another session); the rest of the series stays where it is.
     */
    @Transactional
    public SupervisionSession reschedule(UUID id, String ifMatch, LocalDateTime start,
            Consumer<SupervisionSession> mayChange) {
        SupervisionSession session = load(id);
        mayChange.accept(session);
        ETags.requireMatch(ifMatch, session.version());
        if (session.status().isFinal()) {
            throw new Conflict("The session was " + session.status().name().toLowerCase() + " already");
        }
        planning.reschedule(session, start).ifPresent(obstacle -> {
            throw RuleBroken.at("start", "The session cannot move to " + start + ": " + obstacle);
        });
        audit.record("session.rescheduled", "session", id.toString(), Map.of("start", start.toString()));
        return session;
    }

    public SupervisionSession load(UUID id) {
        return sessions.findByIdOptional(id).orElseThrow(() -> NotFound.of("session", id));
    }

    private void apply(SupervisionSession session, Outcome outcome, String at) {
        Instant now = clock.instant();
        try {
            switch (outcome.status()) {
                case HELD -> session.held(outcome.attended(), now);
                case CANCELLED -> session.cancel(outcome.cancellation(), now);
                case MISSED -> session.missed(now);
                default -> throw new IllegalStateException("Not an outcome: " + outcome.status());
            }
        } catch (IllegalStateException recordedAlready) {
            throw new Conflict((at.isEmpty() ? "" : at + "sessionId: ") + recordedAlready.getMessage());
        } catch (IllegalArgumentException tooEarly) {
            throw RuleBroken.at(at + "status", tooEarly.getMessage());
        }
        sessions.flush();
        events.record(switch (outcome.status()) {
            case HELD -> SessionEvents.HELD;
            case CANCELLED -> SessionEvents.CANCELLED;
            default -> SessionEvents.MISSED;
        }, List.of(session));
        audit.record("session." + outcome.status().name().toLowerCase(), "session", session.id().toString(), outcome);
    }
}
