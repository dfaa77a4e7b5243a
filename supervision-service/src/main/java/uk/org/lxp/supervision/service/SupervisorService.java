package uk.org.lxp.supervision.service;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import org.hibernate.exception.ConstraintViolationException;

import uk.org.lxp.supervision.Supervisor;
import uk.org.lxp.supervision.events.SupervisorEvents;
import uk.org.lxp.supervision.repository.OrganisationRepository;
import uk.org.lxp.supervision.repository.SupervisorRepository;

@ApplicationScoped
public class SupervisorService {

    private final SupervisorRepository supervisors;
    private final OrganisationRepository organisations;
    private final SupervisorEvents events;
    private final Clock clock;

    SupervisorService(SupervisorRepository supervisors, OrganisationRepository organisations,
            SupervisorEvents events, Clock clock) {
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
        LocalDate today = LocalDate.now(clock);
        boolean open = organisations.findByIdOptional(request.organisationCode())
                .map(organisation -> organisation.isOpenOn(today))
                .orElse(false);
        if (!open) {
            throw new UnknownOrganisationException(request.organisationCode());
        }
        if (supervisors.exists(request.organisationCode(), request.staffReference())) {
            throw new DuplicateSupervisorException(request.organisationCode(), request.staffReference());
        }
        Supervisor supervisor = new Supervisor(request.organisationCode(), request.staffReference(),
                request.livedExperience(), request.maxSupervisees(), clock.instant());
        try {
            supervisors.persistAndFlush(supervisor);
        } catch (ConstraintViolationException concurrentRegistration) {
            throw new DuplicateSupervisorException(request.organisationCode(), request.staffReference());
        }
        events.registered(supervisor);
        return supervisor;
    }

    public Optional<Supervisor> find(UUID id) {
        return supervisors.findByIdOptional(id);
    }
}
