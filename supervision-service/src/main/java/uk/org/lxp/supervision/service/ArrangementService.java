package uk.org.lxp.supervision.service;

import java.time.Clock;
import java.time.LocalDate;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import uk.org.lxp.api.Audit;
import uk.org.lxp.directory.Organisations;
import uk.org.lxp.http.problems.InvalidRequest;
import uk.org.lxp.http.problems.NotFound;
import uk.org.lxp.http.problems.RuleBroken;
import uk.org.lxp.http.problems.UnknownReference;
import uk.org.lxp.supervision.Arrangement;
import uk.org.lxp.supervision.repository.ArrangementRepository;

/** Arrangements that let one organisation's supervisors supervise another's LXPs. */
@ApplicationScoped
public class ArrangementService {

    private final ArrangementRepository arrangements;
    private final Organisations organisations;
    private final Audit audit;
    private final Clock clock;

    ArrangementService(ArrangementRepository arrangements, Organisations organisations, Audit audit, Clock clock) {
        this.arrangements = arrangements;
        this.organisations = organisations;
        this.audit = audit;
        this.clock = clock;
    }

    @Transactional
    public Arrangement create(String provider, String receiving, LocalDate validFrom, LocalDate validTo) {
        requireKnown(provider, "providerOrganisation");
        requireKnown(receiving, "receivingOrganisation");
        if (provider.equals(receiving)) {
            throw RuleBroken.at("receivingOrganisation", "An organisation's own supervisors need no arrangement");
        }
        if (validTo != null && validTo.isBefore(validFrom)) {
            throw InvalidRequest.inBody("validTo", "must not be before validFrom " + validFrom);
        }
        Arrangement arrangement = new Arrangement(provider, receiving, validFrom, validTo, clock.instant());
        arrangements.persist(arrangement);
        audit.record("arrangement.created", "arrangement", arrangement.id().toString(), null);
        return arrangement;
    }

    public Arrangement load(UUID id) {
        return arrangements.findByIdOptional(id).orElseThrow(() -> NotFound.of("supervision arrangement", id));
    }

    private void requireKnown(String organisation, String field) {
        if (organisations.find(organisation).isEmpty()) {
            throw UnknownReference.inBody(field, "Organisation " + organisation + " is not known to the suite");
        }
    }
}
