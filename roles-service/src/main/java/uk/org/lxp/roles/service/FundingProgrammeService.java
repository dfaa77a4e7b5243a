package uk.org.lxp.roles.service;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;

import uk.org.lxp.api.Audit;
import uk.org.lxp.api.ETags;
import uk.org.lxp.api.Today;
import uk.org.lxp.http.Violation;
import uk.org.lxp.http.problems.Conflict;
import uk.org.lxp.http.problems.NotFound;
import uk.org.lxp.http.problems.RuleBroken;
import uk.org.lxp.http.problems.UnknownReference;
import uk.org.lxp.roles.FundingApplication;
import uk.org.lxp.roles.FundingProgramme;
import uk.org.lxp.roles.Post;
import uk.org.lxp.roles.ProgrammeUptake;
import uk.org.lxp.roles.events.FundingProgrammeEvents;
import uk.org.lxp.roles.repository.FundingProgrammeRepository;
import uk.org.lxp.roles.repository.PostRepository;

/** National funding programmes for LXP posts and each eligible organisation's application, audited. */
@ApplicationScoped
public class FundingProgrammeService {

    private final FundingProgrammeRepository programmes;
    private final PostRepository posts;
    private final RolesOrganisationDirectory directory;
    private final FundingProgrammeEvents events;
    private final EntityManager entities;
    private final Audit audit;
    private final Clock clock;

    FundingProgrammeService(FundingProgrammeRepository programmes, PostRepository posts,
            RolesOrganisationDirectory directory, FundingProgrammeEvents events, EntityManager entities, Audit audit,
            Clock clock) {
        this.programmes = programmes;
        this.posts = posts;
        this.directory = directory;
        this.events = events;
        this.entities = entities;
        this.audit = audit;
        this.clock = clock;
    }

    @Transactional
    public FundingProgramme create(FundingProgramme.Terms terms) {
        List<Violation> unknown = terms.eligibleOrganisations().stream().sorted().filter(ods -> !directory.isKnown(ods))
                .map(ods -> Violation.body("eligibleOrganisations", "No organisation with ODS code " + ods + " is known"))
                .toList();
        if (!unknown.isEmpty()) {
            throw UnknownReference.inBody(unknown.size() + " eligible organisation(s) are not known", unknown);
        }
        if (programmes.nameTaken(terms.name())) {
            throw new Conflict("A funding programme is already called " + terms.name());
        }
        FundingProgramme programme = new FundingProgramme(terms, clock.instant());
        programmes.persist(programme);
        programmes.flush();
        events.record(FundingProgrammeEvents.RECORDED, programme, List.of());
        audit.record("funding-programme.created", "funding-programme", programme.id().toString(),
                Map.of("name", terms.name(), "eligible", terms.eligibleOrganisations().size()));
        return programme;
    }

    public FundingProgramme load(UUID id) {
        return programmes.findByIdOptional(id).orElseThrow(() -> NotFound.of("funding programme", id));
    }

    /**
     * Records the organisation's next step; its first needs no If-Match, every later one the version it read, so that
     * two people answering for one trust do not overwrite each other.
     */
    @Transactional
    public FundingApplication record(UUID programmeId, String organisation, String ifMatch, FundingApplication.Step step) {
        // Answers to one programme are taken one at a time and each moves the programme's version on, so that its
        // events are whole and ordered.
        FundingProgramme programme = entities.find(FundingProgramme.class, programmeId,
                LockModeType.PESSIMISTIC_FORCE_INCREMENT);
        if (programme == null) {
            throw NotFound.of("funding programme", programmeId);
        }
        if (!programme.isEligible(organisation)) {
            throw RuleBroken.at("odsCode", organisation + " is not eligible for " + programme.name());
        }
        FundingApplication application = programmes.application(programmeId, organisation);
        try {
            if (application == null) {
                application = FundingApplication.first(programme, organisation, step, Today.in(clock), clock.instant());
                entities.persist(application);
            } else {
                ETags.requireMatch(ifMatch, application.version());
                application.advance(programme, step, Today.in(clock), clock.instant());
            }
        } catch (FundingApplication.NotAllowed rule) {
            throw RuleBroken.at(rule.field(), rule.getMessage());
        } catch (IllegalStateException order) {
            throw new Conflict(order.getMessage());
        }
        entities.flush();
        events.record(FundingProgrammeEvents.APPLICATION_RECORDED, programme, programmes.applications(programmeId));
        audit.record("funding-application." + step.state().name().toLowerCase(), "funding-application",
                programmeId + "/" + organisation, Map.of("on", step.on(), "reasons", step.reasons()));
        return application;
    }

    public List<FundingProgramme> all() {
        return programmes.newestFirst();
    }

    public List<FundingApplication> applications(UUID programmeId) {
        return programmes.applications(programmeId);
    }

    /** The uptake of each of the organisations given (eligible ones the caller reaches), by organisation. */
    public List<ProgrammeUptake> uptake(FundingProgramme programme, List<String> organisations) {
        Map<String, FundingApplication> answers = applications(programme.id()).stream()
                .collect(Collectors.toMap(FundingApplication::organisation, Function.identity()));
        Map<String, List<Post.Details>> funded = posts.list("fundingProgrammeId", programme.id()).stream()
                .collect(Collectors.groupingBy(Post::organisationOdsCode,
                        Collectors.mapping(Post::details, Collectors.toList())));
        return organisations.stream().map(organisation -> ProgrammeUptake.of(programme, organisation,
                answers.get(organisation), funded.getOrDefault(organisation, List.of()))).toList();
    }
}
