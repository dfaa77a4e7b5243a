package uk.org.lxp.supervision.service;

import java.time.Clock;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import org.hibernate.exception.ConstraintViolationException;

import uk.org.lxp.api.Today;
import uk.org.lxp.http.problems.Conflict;
import uk.org.lxp.http.problems.NotFound;
import uk.org.lxp.http.problems.RuleBroken;
import uk.org.lxp.http.problems.UnknownReference;
import uk.org.lxp.directory.DirectoryOrganisation;
import uk.org.lxp.directory.Organisations;
import uk.org.lxp.supervision.Supervisor;
import uk.org.lxp.supervision.events.SupervisorEvents;
import uk.org.lxp.supervision.repository.SupervisorRepository;

@ApplicationScoped
public class SupervisorService {

    private final SupervisorRepository supervisors;
    private final Organisations organisations;
    private final SupervisorEvents events;
    private final Clock clock;

    SupervisorService(SupervisorRepository supervisors, Organisations organisations, SupervisorEvents events, Clock clock) {
        this.supervisors = supervisors;
        this.organisations = organisations;
        this.events = events;
        this.clock = clock;
    }

    public record NewSupervisor(String organisationCode, String staffReference, boolean livedExperience,
            int maxSupervisees) {
    }

    /** Registers a supervisor of an organisation that roles-service knows and that has not closed. */
    @Transactional
    public Supervisor register(NewSupervisor request) {
        DirectoryOrganisation organisation = organisations.find(request.organisationCode())
                .orElseThrow(() -> UnknownReference.inBody("organisationCode",
                        "Organisation " + request.organisationCode() + " is not known to the suite"));
        if (!organisation.isOpenOn(Today.in(clock))) {
            throw RuleBroken.at("organisationCode", "Organisation " + request.organisationCode() + " has closed");
        }
        if (supervisors.exists(request.organisationCode(), request.staffReference())) {
            throw duplicate(request);
        }
        Supervisor supervisor = new Supervisor(request.organisationCode(), request.staffReference(),
                request.livedExperience(), request.maxSupervisees(), clock.instant());
        try {
            supervisors.persistAndFlush(supervisor);
        } catch (ConstraintViolationException concurrentRegistration) {
            throw duplicate(request);
        }
        events.registered(supervisor);
        return supervisor;
    }

    public Supervisor load(UUID id) {
        return supervisors.findByIdOptional(id).orElseThrow(() -> NotFound.of("supervisor", id));
    }

    private static Conflict duplicate(NewSupervisor request) {
        return new Conflict("Staff reference " + request.staffReference() + " of " + request.organisationCode()
                + " is already a supervisor");
    }
}
