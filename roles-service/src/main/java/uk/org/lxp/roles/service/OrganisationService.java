package uk.org.lxp.roles.service;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import org.hibernate.exception.ConstraintViolationException;

import uk.org.lxp.api.Audit;
import uk.org.lxp.api.ETags;
import uk.org.lxp.roles.Organisation;
import uk.org.lxp.roles.events.OrganisationEvents;
import uk.org.lxp.roles.repository.OrganisationRepository;

@ApplicationScoped
public class OrganisationService {

    private final OrganisationRepository organisations;
    private final OrganisationEvents events;
    private final Audit audit;
    private final Clock clock;

    OrganisationService(OrganisationRepository organisations, OrganisationEvents events, Audit audit, Clock clock) {
        this.organisations = organisations;
        this.events = events;
        this.audit = audit;
        this.clock = clock;
    }

    /** Registers a new organisation; an ODS code can be registered once. */
    @Transactional
    public Organisation register(NewOrganisation request) {
        if (organisations.findByOdsCode(request.odsCode()).isPresent()) {
            throw new DuplicateOrganisationException(request.odsCode());
        }
        Instant now = clock.instant();
        Organisation organisation = withinRules(() -> new Organisation(request.odsCode(), request.details(), now));
        try {
            organisations.persistAndFlush(organisation);
        } catch (ConstraintViolationException concurrentRegistration) {
            throw new DuplicateOrganisationException(request.odsCode());
        }
        events.registered(organisation);
        audit.record("organisation.registered", "organisation", organisation.odsCode(), organisation.details());
        return organisation;
    }

    /** Replaces what may change of an organisation, if the caller has seen its current version. */
    @Transactional
    public Organisation update(String odsCode, String ifMatch, Organisation.Details details) {
        Organisation organisation = organisations.findByOdsCode(odsCode)
                .orElseThrow(() -> new UnknownOrganisationException(odsCode));
        ETags.requireMatch(ifMatch, organisation.version());
        Organisation.Details before = organisation.details();
        withinRules(() -> {
            organisation.update(details, clock.instant());
            return organisation;
        });
        organisations.flush();
        events.changed(organisation);
        audit.record("organisation.changed", "organisation", odsCode, java.util.Map.of("before", before, "after", details));
        return organisation;
    }

    public Optional<Organisation> find(String odsCode) {
        return organisations.findByOdsCode(odsCode);
    }

    private static Organisation withinRules(java.util.function.Supplier<Organisation> change) {
        try {
            return change.get();
        } catch (IllegalArgumentException broken) {
            throw new DomainRuleException(broken.getMessage());
        }
    }
}
