package uk.org.lxp.roles.service;

import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.function.Supplier;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import org.hibernate.exception.ConstraintViolationException;

import uk.org.lxp.api.Audit;
import uk.org.lxp.api.ETags;
import uk.org.lxp.http.problems.Conflict;
import uk.org.lxp.http.problems.InvalidRequest;
import uk.org.lxp.http.problems.NotFound;
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
            throw duplicate(request.odsCode());
        }
        Instant now = clock.instant();
        Organisation organisation = valid(() -> new Organisation(request.odsCode(), request.details(), now));
        try {
            organisations.persistAndFlush(organisation);
        } catch (ConstraintViolationException concurrentRegistration) {
            throw duplicate(request.odsCode());
        }
        events.registered(organisation);
        audit.record("organisation.registered", "organisation", organisation.odsCode(), organisation.details());
        return organisation;
    }

    /**
     * Replaces what may change of an organisation, if the caller has seen its current version. A request that
     * changes nothing keeps the version and publishes nothing.
     */
    @Transactional
    public Organisation update(String odsCode, String ifMatch, Organisation.Details details) {
        Organisation organisation = load(odsCode);
        ETags.requireMatch(ifMatch, organisation.version());
        Organisation.Details before = organisation.details();
        boolean changed = valid(() -> organisation.update(details, clock.instant()));
        if (changed) {
            organisations.flush();
            events.changed(organisation);
            audit.record("organisation.changed", "organisation", odsCode, Map.of("before", before, "after", details));
        }
        return organisation;
    }

    public Organisation load(String odsCode) {
        return organisations.findByOdsCode(odsCode)
                .orElseThrow(() -> new NotFound("No organisation with ODS code " + odsCode));
    }

    private static Conflict duplicate(String odsCode) {
        return new Conflict("An organisation with ODS code " + odsCode + " is already registered");
    }

    /** The organisation's own rules (dates in order, one ICB at a time) concern the request's content alone. */
    private static <T> T valid(Supplier<T> change) {
        try {
            return change.get();
        } catch (IllegalArgumentException broken) {
            throw InvalidRequest.inBody(broken.getMessage().contains("ICB") ? "icbMemberships" : "validTo", broken.getMessage());
        }
    }
}
