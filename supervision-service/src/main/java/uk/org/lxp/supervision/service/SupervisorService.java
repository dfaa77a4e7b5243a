package uk.org.lxp.supervision.service;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.hibernate.exception.ConstraintViolationException;

import uk.org.lxp.api.Audit;
import uk.org.lxp.api.ETags;
import uk.org.lxp.api.Today;
import uk.org.lxp.directory.DirectoryOrganisation;
import uk.org.lxp.directory.Organisations;
import uk.org.lxp.http.problems.Conflict;
import uk.org.lxp.http.problems.NotFound;
import uk.org.lxp.http.problems.RuleBroken;
import uk.org.lxp.http.problems.UnknownReference;
import uk.org.lxp.supervision.Supervisor;
import uk.org.lxp.supervision.events.SupervisorEvents;
import uk.org.lxp.supervision.repository.AgreementRepository;
import uk.org.lxp.supervision.repository.SupervisorRepository;

@ApplicationScoped
public class SupervisorService {

    private final SupervisorRepository supervisors;
    private final AgreementRepository agreements;
    private final Organisations organisations;
    private final SessionPlanning planning;
    private final ComplianceService compliance;
    private final SupervisorEvents events;
    private final Audit audit;
    private final Clock clock;

    SupervisorService(SupervisorRepository supervisors, AgreementRepository agreements, Organisations organisations,
            SessionPlanning planning, ComplianceService compliance, SupervisorEvents events, Audit audit, Clock clock) {
        this.supervisors = supervisors;
        this.agreements = agreements;
        this.organisations = organisations;
        this.planning = planning;
        this.compliance = compliance;
        this.events = events;
        this.audit = audit;
        this.clock = clock;
    }

    public record NewSupervisor(String organisationCode, String staffReference, Supervisor.Details details) {
    }

    @Schema(name = "SupervisorBulkResult")
    public record BulkResult(int registered, int changed, int unchanged, List<UUID> ids) {
    }

    /** Registers a supervisor of an organisation that roles-service knows and that has not closed. */
    @Transactional
    public Supervisor register(NewSupervisor request) {
        if (supervisors.find(request.organisationCode(), request.staffReference()).isPresent()) {
            throw duplicate(request);
        }
        try {
            return registerNew(request, "");
        } catch (ConstraintViolationException concurrentRegistration) {
            throw duplicate(request);
        }
    }

    /**
     * Registers or updates supervisors by organisation and staff reference, all or nothing; a refusal names the item
     * ({@code supervisors[3].maxSupervisees}).
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public BulkResult upsert(List<NewSupervisor> items) {
        int registered = 0;
        int changed = 0;
        List<UUID> ids = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            NewSupervisor item = items.get(i);
            String at = "supervisors[" + i + "].";
            var held = supervisors.find(item.organisationCode(), item.staffReference());
            if (held.isEmpty()) {
                ids.add(registerNew(item, at).id());
                registered++;
            } else {
                if (changeDetails(held.get(), item.details(), at)) {
                    changed++;
                }
                ids.add(held.get().id());
            }
        }
        return new BulkResult(registered, changed, items.size() - registered - changed, ids);
    }

    /**
     * Changes a supervisor, if the caller has seen its current version; their future sessions follow. Organisation
     * and staff reference are who the supervisor is, and do not change.
     */
    @Transactional
    public Supervisor change(UUID id, String ifMatch, NewSupervisor request, Consumer<Supervisor> mayChange) {
        Supervisor supervisor = load(id);
        mayChange.accept(supervisor);
        ETags.requireMatch(ifMatch, supervisor.version());
        if (!supervisor.organisationCode().equals(request.organisationCode())) {
            throw RuleBroken.at("organisationCode", "A supervisor's organisation does not change: register them in "
                    + request.organisationCode() + " instead");
        }
        if (!supervisor.staffReference().equals(request.staffReference())) {
            throw RuleBroken.at("staffReference", "A supervisor's staff reference does not change");
        }
        changeDetails(supervisor, request.details(), "");
        return supervisor;
    }

    private Supervisor registerNew(NewSupervisor request, String at) {
        requireOpen(request.organisationCode(), at + "organisationCode");
        Supervisor supervisor = new Supervisor(request.organisationCode(), request.staffReference(), request.details(),
                clock.instant());
        supervisors.persistAndFlush(supervisor);
        events.record(SupervisorEvents.REGISTERED, supervisor);
        audit.record("supervisor.registered", "supervisor", supervisor.id().toString(), request);
        return supervisor;
    }

    private boolean changeDetails(Supervisor supervisor, Supervisor.Details details, String at) {
        long supervisedNow = agreements.superviseesOf(supervisor.id());
        if (details.maxSupervisees() < supervisedNow) {
            throw RuleBroken.at(at + "maxSupervisees", "The supervisor already supervises " + supervisedNow
                    + " people: end agreements before lowering the capacity");
        }
        boolean timeChanged = !details.workingPattern().equals(supervisor.workingPattern())
                || !details.away().equals(supervisor.away());
        if (!supervisor.change(details, clock.instant())) {
            return false;
        }
        supervisors.flush();
        events.record(SupervisorEvents.CHANGED, supervisor);
        audit.record("supervisor.changed", "supervisor", supervisor.id().toString(), details);
        if (timeChanged) {
            planning.replanFuture(agreements.activeOfSupervisor(supervisor.id()));
        }
        compliance.reviewCapacity(supervisor);
        return true;
    }

    public Supervisor load(UUID id) {
        return supervisors.findByIdOptional(id).orElseThrow(() -> NotFound.of("supervisor", id));
    }

    private void requireOpen(String organisationCode, String field) {
        DirectoryOrganisation organisation = organisations.find(organisationCode)
                .orElseThrow(() -> UnknownReference.inBody(field,
                        "Organisation " + organisationCode + " is not known to the suite"));
        if (!organisation.isOpenOn(Today.in(clock))) {
            throw RuleBroken.at(field, "Organisation " + organisationCode + " has closed");
        }
    }

    private static Conflict duplicate(NewSupervisor request) {
        return new Conflict("Staff reference " + request.staffReference() + " of " + request.organisationCode()
                + " is already a supervisor");
    }
}
