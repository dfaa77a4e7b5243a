package uk.org.lxp.supervision.service;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import uk.org.lxp.api.Audit;
import uk.org.lxp.api.ETags;
import uk.org.lxp.api.Today;
import uk.org.lxp.http.problems.Conflict;
import uk.org.lxp.http.problems.InvalidRequest;
import uk.org.lxp.http.problems.NotFound;
import uk.org.lxp.http.problems.RuleBroken;
import uk.org.lxp.http.problems.UnknownReference;
import uk.org.lxp.supervision.Agreement;
import uk.org.lxp.supervision.Cadence;
import uk.org.lxp.supervision.Post;
import uk.org.lxp.supervision.SupervisionType;
import uk.org.lxp.supervision.Supervisor;
import uk.org.lxp.supervision.events.AgreementEvents;
import uk.org.lxp.supervision.repository.AgreementRepository;
import uk.org.lxp.supervision.repository.ArrangementRepository;
import uk.org.lxp.supervision.repository.PostRepository;
import uk.org.lxp.supervision.repository.RoleProfileRepository;
import uk.org.lxp.supervision.repository.SuperviseeRepository;
import uk.org.lxp.supervision.repository.SupervisorRepository;

/**
 * Supervision agreements: checked against capacity, organisation and the supervisee's role before they are made,
 * and their sessions planned in the same transaction.
 */
@ApplicationScoped
public class AgreementService {

    /** A weekly mentoring series counts as overdue once two weeks pass without a session held. */
    static final int MENTORING_STANDARD_DAYS = 14;

    private final AgreementRepository agreements;
    private final SupervisorRepository supervisors;
    private final SuperviseeRepository supervisees;
    private final PostRepository posts;
    private final RoleProfileRepository roleProfiles;
    private final ArrangementRepository arrangements;
    private final SessionPlanning planning;
    private final ComplianceService compliance;
    private final AgreementEvents events;
    private final Audit audit;
    private final Clock clock;

    AgreementService(AgreementRepository agreements, SupervisorRepository supervisors, SuperviseeRepository supervisees,
            PostRepository posts, RoleProfileRepository roleProfiles, ArrangementRepository arrangements,
            SessionPlanning planning, ComplianceService compliance, AgreementEvents events, Audit audit, Clock clock) {
        this.agreements = agreements;
        this.supervisors = supervisors;
        this.supervisees = supervisees;
        this.posts = posts;
        this.roleProfiles = roleProfiles;
        this.arrangements = arrangements;
        this.planning = planning;
        this.compliance = compliance;
        this.events = events;
        this.audit = audit;
        this.clock = clock;
    }

    /**
     * An agreement to make. {@code minimumEveryDays} may be left out when the supervisee's role profile sets a
     * standard for the type; {@code field} prefixes the fields named in a refusal (e.g. {@code agreements[3].}).
     */
    public record NewAgreement(String organisationCode, String superviseeStaffReference, UUID supervisorId,
            SupervisionType type, Cadence cadence, Integer minimumEveryDays, String field) {
    }

    @Schema(name = "AgreementBulkResult")
    public record BulkResult(int created, List<UUID> ids) {
    }

    @Transactional
    public Agreement create(NewAgreement request) {
        String at = request.field();
        if (request.type() == SupervisionType.MENTORING) {
            throw RuleBroken.at(at + "type", "Mentoring is arranged for a trainee of a training cohort, not as a"
                    + " supervision agreement");
        }
        // Locked: agreements of one supervisor are made one at a time, so capacity and diaries are checked against
        // what the others made.
        Supervisor supervisor = supervisors.findByIdOptional(request.supervisorId(), LockModeType.PESSIMISTIC_WRITE)
                .orElseThrow(() -> UnknownReference.inBody(at + "supervisorId", "No supervisor with id " + request.supervisorId()));
        if (supervisees.find(request.organisationCode(), request.superviseeStaffReference()).isEmpty()) {
            throw UnknownReference.inBody(at + "superviseeStaffReference", "No holder of a post of "
                    + request.organisationCode() + " has staff reference " + request.superviseeStaffReference()
                    + " (yet): supervisees are learnt from roles-service's posts");
        }
        LocalDate today = Today.in(clock);
        if (!supervisor.organisationCode().equals(request.organisationCode())
                && !arrangements.coversOn(supervisor.organisationCode(), request.organisationCode(), today)) {
            throw RuleBroken.at(at + "supervisorId", "The supervisor works for " + supervisor.organisationCode()
                    + ", and no arrangement lets it supervise " + request.organisationCode() + "'s LXPs");
        }
        boolean alreadySupervised = agreements.supervises(supervisor.id(), request.organisationCode(),
                request.superviseeStaffReference());
        if (!alreadySupervised && !supervisor.hasRoomBeside(agreements.superviseesOf(supervisor.id()))) {
            throw RuleBroken.at(at + "supervisorId", "The supervisor already supervises " + supervisor.maxSupervisees()
                    + " people, their capacity");
        }
        Agreement agreement;
        try {
            agreement = new Agreement(request.organisationCode(), request.superviseeStaffReference(), supervisor,
                    terms(request), clock.instant());
        } catch (IllegalArgumentException refused) {
            throw RuleBroken.at(at + "supervisorId", refused.getMessage());
        }
        agreements.persistAndFlush(agreement);
        events.record(AgreementEvents.CREATED, agreement);
        audit.record("agreement.created", "agreement", agreement.id().toString(), request);
        planning.planNew(agreement);
        compliance.afterChangeOf(agreement);
        return agreement;
    }

    /**
     * A trainee's weekly mentoring, planned like any agreement. The trainee need not hold a post; a mentor at capacity
     * is not refused (a trainee must have a mentor) but is flagged over capacity.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public Agreement mentoring(String organisationCode, String traineeReference, Supervisor mentor, Cadence cadence) {
        Agreement agreement;
        try {
            agreement = new Agreement(organisationCode, traineeReference, mentor,
                    new Agreement.Terms(SupervisionType.MENTORING, cadence, MENTORING_STANDARD_DAYS), clock.instant());
        } catch (IllegalArgumentException refused) {
            throw RuleBroken.at("mentorId", refused.getMessage());
        }
        agreements.persistAndFlush(agreement);
        events.record(AgreementEvents.CREATED, agreement);
        planning.planNew(agreement);
        compliance.afterChangeOf(agreement);
        return agreement;
    }

    /**
     * Ends an agreement the suite made itself (a trainee's mentoring) after a day; one that had not begun by then ends
     * before its first day, with no session.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void endMade(UUID id, LocalDate lastDay) {
        Agreement agreement = load(id);
        if (agreement.status() == Agreement.Status.ENDED) {
            return;
        }
        LocalDate beforeItBegan = agreement.cadence().firstDay().minusDays(1);
        agreement.end(lastDay.isBefore(beforeItBegan) ? beforeItBegan : lastDay, clock.instant());
        agreements.flush();
        events.record(AgreementEvents.ENDED, agreement);
        planning.replanFuture(agreement);
        compliance.afterChangeOf(agreement);
    }

    /** Makes many agreements of one organisation, all or nothing. */
    @Transactional(Transactional.TxType.MANDATORY)
    public BulkResult createAll(List<NewAgreement> items) {
        List<UUID> ids = new ArrayList<>();
        for (NewAgreement item : items) {
            ids.add(create(item).id());
        }
        return new BulkResult(ids.size(), ids);
    }

    /**
     * New terms, if the caller has seen the current version; the sessions still to come are planned again. Who
     * supervises whom is the agreement itself and does not change: end it and make another.
     */
    @Transactional
    public Agreement change(UUID id, String ifMatch, NewAgreement request, Consumer<Agreement> mayChange) {
        Agreement agreement = load(id);
        mayChange.accept(agreement);
        ETags.requireMatch(ifMatch, agreement.version());
        requireNotMentoring(agreement);
        if (request.type() == SupervisionType.MENTORING) {
            throw RuleBroken.at("type", "Mentoring is arranged for a trainee of a training cohort, not as a"
                    + " supervision agreement");
        }
        requireSame("organisationCode", agreement.organisationCode(), request.organisationCode());
        requireSame("superviseeStaffReference", agreement.superviseeStaffReference(), request.superviseeStaffReference());
        requireSame("supervisorId", agreement.supervisorId(), request.supervisorId());
        Agreement.Terms terms = terms(request);
        boolean changed;
        try {
            changed = agreement.change(terms, clock.instant());
        } catch (IllegalStateException ended) {
            throw new Conflict(ended.getMessage());
        }
        if (changed) {
            agreements.flush();
            events.record(AgreementEvents.CHANGED, agreement);
            audit.record("agreement.changed", "agreement", id.toString(), terms);
            planning.replanFuture(agreement);
            compliance.afterChangeOf(agreement);
        }
        return agreement;
    }

    /** Ends an agreement after a day; sessions planned beyond it are withdrawn. */
    @Transactional
    public Agreement end(UUID id, String ifMatch, LocalDate lastDay, Consumer<Agreement> mayChange) {
        Agreement agreement = load(id);
        mayChange.accept(agreement);
        ETags.requireMatch(ifMatch, agreement.version());
        requireNotMentoring(agreement);
        try {
            agreement.end(lastDay, clock.instant());
        } catch (IllegalStateException ended) {
            throw new Conflict(ended.getMessage());
        } catch (IllegalArgumentException refused) {
            throw RuleBroken.at("lastDay", refused.getMessage());
        }
        agreements.flush();
        events.record(AgreementEvents.ENDED, agreement);
        audit.record("agreement.ended", "agreement", id.toString(), Map.of("lastDay", lastDay.toString()));
        planning.replanFuture(agreement);
        compliance.afterChangeOf(agreement);
        return agreement;
    }

    public Agreement load(UUID id) {
        return agreements.findByIdOptional(id).orElseThrow(() -> NotFound.of("supervision agreement", id));
    }

    /** The terms asked for; the minimum standard, when left out, is the one the supervisee's role profile sets. */
    private Agreement.Terms terms(NewAgreement request) {
        int minimum = Optional.ofNullable(request.minimumEveryDays())
                .or(() -> profileStandard(request.organisationCode(), request.superviseeStaffReference(), request.type()))
                .orElseThrow(() -> InvalidRequest.inBody(request.field() + "minimumEveryDays", "is required: the"
                        + " supervisee's role profile sets no standard for " + request.type()));
        try {
            return new Agreement.Terms(request.type(), request.cadence(), minimum);
        } catch (IllegalArgumentException refused) {
            throw InvalidRequest.inBody(request.field() + "minimumEveryDays", refused.getMessage());
        }
    }

    private static void requireNotMentoring(Agreement agreement) {
        if (agreement.type() == SupervisionType.MENTORING) {
            throw RuleBroken.at("type", "A trainee's mentoring follows its training cohort: change the trainee's mentor,"
                    + " or record their completion or withdrawal");
        }
    }

    private static void requireSame(String field, Object current, Object requested) {
        if (!current.equals(requested)) {
            throw RuleBroken.at(field, "An agreement's " + field + " does not change: end the agreement and make another");
        }
    }

    /** The standard the supervisee's role sets for the type: the strictest of the posts they hold. */
    private Optional<Integer> profileStandard(String organisation, String staffReference, SupervisionType type) {
        return posts.heldBy(organisation, staffReference).stream().map(Post::roleProfileId)
                .map(roleProfiles::findByIdOptional).flatMap(Optional::stream)
                .map(profile -> profile.minimumEveryDays(type)).flatMap(Optional::stream)
                .min(Integer::compare);
    }
}
