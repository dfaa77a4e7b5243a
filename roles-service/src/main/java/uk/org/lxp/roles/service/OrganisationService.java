package uk.org.lxp.roles.service;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import org.hibernate.exception.ConstraintViolationException;

import uk.org.lxp.roles.Organisation;
import uk.org.lxp.roles.events.OrganisationEvents;
import uk.org.lxp.roles.repository.OrganisationRepository;

@ApplicationScoped
public class OrganisationService {

    private final OrganisationRepository organisations;
    private final OrganisationEvents events;
    private final Clock clock;

    OrganisationService(OrganisationRepository organisations, OrganisationEvents events, Clock clock) {
        this.organisations = organisations;
        this.events = events;
        this.clock = clock;
    }

    /** Registers a new organisation; an ODS code can be registered once. */
    @Transactional
    public Organisation register(NewOrganisation request) {
        if (organisations.findByOdsCode(request.odsCode()).isPresent()) {
            throw new DuplicateOrganisationException(request.odsCode());
        }
        Instant now = clock.instant();
        Organisation organisation = new Organisation(request.odsCode(), request.name(), request.type(),
                request.validFrom(), request.validTo(), request.successorOdsCode(), now);
        try {
            organisations.persistAndFlush(organisation);
        } catch (ConstraintViolationException concurrentRegistration) {
            throw new DuplicateOrganisationException(request.odsCode());
        }
        events.registered(organisation);
        return organisation;
    }

    public Optional<Organisation> find(String odsCode) {
        return organisations.findByOdsCode(odsCode);
    }
}
