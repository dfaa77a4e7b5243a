package uk.org.lxp.supervision.service;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.jboss.logging.Logger;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import uk.org.lxp.api.Today;
import uk.org.lxp.supervision.Agreement;
import uk.org.lxp.supervision.Compliance;
import uk.org.lxp.supervision.GroupSession;
import uk.org.lxp.supervision.Post;
import uk.org.lxp.supervision.RoleProfile;
import uk.org.lxp.supervision.Supervisee;
import uk.org.lxp.supervision.SupervisionSession;
import uk.org.lxp.supervision.SupervisionType;
import uk.org.lxp.supervision.Supervisor;
import uk.org.lxp.supervision.events.AgreementEvents;
import uk.org.lxp.supervision.events.ReflectiveGroupEvents;
import uk.org.lxp.supervision.events.SessionEvents;
import uk.org.lxp.supervision.events.SuperviseeEvents;
import uk.org.lxp.supervision.events.SupervisorEvents;
import uk.org.lxp.supervision.repository.AgreementRepository;
import uk.org.lxp.supervision.repository.GroupSessionRepository;
import uk.org.lxp.supervision.repository.PostRepository;
import uk.org.lxp.supervision.repository.ReflectiveGroupRepository;
import uk.org.lxp.supervision.repository.RoleProfileRepository;
import uk.org.lxp.supervision.repository.SessionRepository;
import uk.org.lxp.supervision.repository.SuperviseeRepository;
import uk.org.lxp.supervision.repository.SupervisorRepository;

/**
 * Keeps compliance current: sessions nobody recorded become MISSED after a grace period
 * ({@code lxp.supervision.missed-after}); agreements become OVERDUE when their minimum standard is broken and
 * COMPLIANT again when a session is held; post holders become UNSUPERVISED when, {@code lxp.supervision.unsupervised-after}
 * after their post was filled, they lack a kind of supervision their role asks for; supervisors are flagged over
 * capacity. Every change of state is an event; every review of a person or an organisation, and a supervisor going
 * over or back within capacity, marks the
 * organisation's published figures for a refresh.
 * Reviewed daily for everyone, and straight away for whoever a change touches.
 */
@ApplicationScoped
public class ComplianceService {

    private static final Logger LOG = Logger.getLogger(ComplianceService.class);

    private final AgreementRepository agreements;
    private final SessionRepository sessions;
    private final GroupSessionRepository groupSessions;
    private final ReflectiveGroupRepository groups;
    private final SuperviseeRepository supervisees;
    private final SupervisorRepository supervisors;
    private final PostRepository posts;
    private final RoleProfileRepository roleProfiles;
    private final AgreementEvents agreementEvents;
    private final SessionEvents sessionEvents;
    private final ReflectiveGroupEvents groupEvents;
    private final SuperviseeEvents superviseeEvents;
    private final SupervisorEvents supervisorEvents;
    private final FiguresRefresh figures;
    private final Clock clock;
    private final Duration missedAfter;
    private final int unsupervisedAfterDays;

    ComplianceService(AgreementRepository agreements, SessionRepository sessions, GroupSessionRepository groupSessions,
            ReflectiveGroupRepository groups, SuperviseeRepository supervisees, SupervisorRepository supervisors,
            PostRepository posts, RoleProfileRepository roleProfiles, AgreementEvents agreementEvents,
            SessionEvents sessionEvents, ReflectiveGroupEvents groupEvents, SuperviseeEvents superviseeEvents,
            SupervisorEvents supervisorEvents, FiguresRefresh figures, Clock clock,
            @ConfigProperty(name = "lxp.supervision.missed-after") Duration missedAfter,
            @ConfigProperty(name = "lxp.supervision.unsupervised-after") Duration unsupervisedAfter) {
        this.agreements = agreements;
        this.sessions = sessions;
        this.groupSessions = groupSessions;
        this.groups = groups;
        this.supervisees = supervisees;
        this.supervisors = supervisors;
        this.posts = posts;
        this.roleProfiles = roleProfiles;
        this.agreementEvents = agreementEvents;
        this.sessionEvents = sessionEvents;
        this.groupEvents = groupEvents;
        this.superviseeEvents = superviseeEvents;
        this.supervisorEvents = supervisorEvents;
        this.figures = figures;
        this.clock = clock;
        this.missedAfter = missedAfter;
        this.unsupervisedAfterDays = (int) unsupervisedAfter.toDays();
    }

    @Scheduled(cron = "${lxp.supervision.compliance-cron}", timeZone = "Europe/London",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void daily() {
        reviewEveryOrganisation();
    }

    /** What a review did: how many organisations were reviewed, and how many of them failed (and were logged). */
    @Schema(name = "ComplianceReview")
    public record Review(@Schema(example = "12") int reviewed, @Schema(example = "0") int failed) {
    }

    /**
     * Marks missed sessions and reviews every agreement, post holder and supervisor: one organisation per
     * transaction, so that one that fails (it is logged, and tried again next time) holds up no other.
     */
    public Review reviewEveryOrganisation() {
        return review(QuarkusTransaction.requiringNew().call(this::organisationsWithSupervision));
    }

    /** The same review, of the organisations given. */
    public Review review(List<String> organisations) {
        int failed = 0;
        for (String organisation : organisations) {
            try {
                QuarkusTransaction.requiringNew().run(() -> reviewOrganisation(organisation));
            } catch (RuntimeException e) {
                failed++;
                LOG.warnf(e, "Could not review the compliance of %s; it is tried again at the next review", organisation);
            }
        }
        LOG.infof("Reviewed supervision compliance of %d organisation(s); %d failed", organisations.size(), failed);
        return new Review(organisations.size() - failed, failed);
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void reviewOrganisation(String organisation) {
        LocalDate today = Today.in(clock);
        markMissed(organisation);
        List<Agreement> active = agreements.activeIn(organisation);
        // Read once for the agreements' reviews and then the supervisees', which see the agreements' new standings.
        Circumstances circumstances = new Circumstances(posts.filledIn(organisation), active,
                () -> groups.membersSince(organisation));
        active.forEach(agreement -> reviewAgreement(agreement, today, circumstances::postsHeldBy));
        reviewSupervisees(supervisees.inOrganisation(organisation), circumstances, today);
        supervisors.allIn(organisation).forEach(this::reviewCapacity);
        figures.request(organisation);
    }

    /** After a session's outcome: its agreement, and so its supervisee, may stand differently. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void afterOutcome(SupervisionSession session) {
        LocalDate today = Today.in(clock);
        reviewAgreement(agreements.findById(session.agreementId()), today, postsHeldIn(session.organisationCode()));
        reviewPerson(session.organisationCode(), session.superviseeStaffReference());
    }

    /** After a group meeting's attendance: each member whose role counts it may stand differently. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void afterGroupMeeting(GroupSession session, List<String> members) {
        LocalDate today = Today.in(clock);
        for (String member : members) {
            agreements.activeOfSupervisee(session.organisationCode(), member).stream()
                    .filter(agreement -> agreement.type() == SupervisionType.GROUP)
                    .forEach(agreement -> reviewAgreement(agreement, today, postsHeldIn(session.organisationCode())));
        }
        reviewPeople(session.organisationCode(), members);
    }

    /** After an agreement was made, changed or ended, or a post or group membership changed: the person and their supervisor. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void afterChangeOf(Agreement agreement) {
        reviewAgreement(agreement, Today.in(clock), postsHeldIn(agreement.organisationCode()));
        reviewPerson(agreement.organisationCode(), agreement.superviseeStaffReference());
        supervisors.findByIdOptional(agreement.supervisorId()).ifPresent(this::reviewCapacity);
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void reviewPerson(String organisation, String staffReference) {
        reviewPeople(organisation, List.of(staffReference));
    }

    /** Reviews the supervisees among these people of an organisation, what the reviews read fetched for all at once. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void reviewPeople(String organisation, Collection<String> staffReferences) {
        if (staffReferences.isEmpty()) {
            return;
        }
        reviewInOrganisation(organisation, supervisees.among(organisation, staffReferences));
    }

    /**
     * Makes each holder of a post of an organisation a supervisee if they are not one yet, and reviews everyone's
     * compliance, what the reviews read fetched for all at once. A newcomer is persisted once reviewed, so that it is
     * inserted as it stands: one insert, not an insert and an update.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void reviewPostHolders(String organisation, Collection<String> holders) {
        List<Supervisee> known = supervisees.among(organisation, holders);
        Set<String> knownReferences = known.stream().map(Supervisee::staffReference).collect(Collectors.toSet());
        List<Supervisee> newcomers = holders.stream().filter(holder -> !knownReferences.contains(holder))
                .map(holder -> new Supervisee(organisation, holder, clock.instant())).toList();
        reviewInOrganisation(organisation, Stream.concat(known.stream(), newcomers.stream()).toList());
        newcomers.forEach(supervisees::persist);
    }

    private void reviewInOrganisation(String organisation, List<Supervisee> people) {
        if (!people.isEmpty()) {
            List<String> references = people.stream().map(Supervisee::staffReference).toList();
            reviewSupervisees(people, new Circumstances(posts.heldBy(organisation, references),
                    agreements.activeOfSupervisees(organisation, references),
                    () -> groups.membersSince(organisation, references)), Today.in(clock));
        }
        figures.request(organisation);
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void reviewCapacity(Supervisor supervisor) {
        boolean over = Compliance.overCapacity(agreements.superviseesOf(supervisor.id()), supervisor.maxSupervisees());
        if (supervisor.flagCapacity(over)) {
            supervisors.flush();
            supervisorEvents.record(over ? SupervisorEvents.OVER_CAPACITY : SupervisorEvents.WITHIN_CAPACITY, supervisor);
            figures.request(supervisor.organisationCode());
        }
    }

    private void markMissed(String organisation) {
        Instant now = clock.instant();
        Instant graceOver = now.minus(missedAfter);
        List<SupervisionSession> missed = sessions.unrecordedBefore(organisation, graceOver);
        missed.forEach(session -> session.missed(now));
        List<GroupSession> missedMeetings = groupSessions.unrecordedBefore(organisation, graceOver);
        missedMeetings.forEach(session -> session.missed(now));
        sessions.flush();
        sessionEvents.record(SessionEvents.MISSED, missed);
        missedMeetings.forEach(session -> groupEvents.recordMeeting(ReflectiveGroupEvents.MEETING_MISSED, session));
    }

    /**
     * Mentoring is not judged by compliance: the training figures show whether it was held on time. The posts the
     * supervisee holds are read only for a group agreement, whose standard counts group meetings when the role asks.
     */
    private void reviewAgreement(Agreement agreement, LocalDate today, Function<String, List<Post>> postsHeldBy) {
        if (agreement.status() != Agreement.Status.ACTIVE || agreement.type() == SupervisionType.MENTORING) {
            return;
        }
        LocalDate lastHeld = sessions.lastHeld(agreement.id()).orElse(null);
        if (agreement.type() == SupervisionType.GROUP
                && required(profilesOf(postsHeldBy.apply(agreement.superviseeStaffReference())))
                        .contains(SupervisionType.GROUP)) {
            lastHeld = later(lastHeld, groupSessions.lastAttended(agreement.organisationCode(),
                    agreement.superviseeStaffReference()).orElse(null));
        }
        if (agreement.review(lastHeld, sessions.awaitingRecord(agreement.id(), clock.instant()), today)) {
            agreements.flush();
            agreementEvents.record(agreement.standing() == Compliance.Standing.OVERDUE ? AgreementEvents.BECAME_OVERDUE
                    : AgreementEvents.BECAME_COMPLIANT, agreement);
        }
    }

    /** Reviews each of the people, then flushes once and records the events of those whose standing changed. */
    private void reviewSupervisees(List<Supervisee> people, Circumstances circumstances, LocalDate today) {
        List<Supervisee> changed = people.stream()
                .filter(supervisee -> reviewSupervisee(supervisee, circumstances, today)).toList();
        if (!changed.isEmpty()) {
            // The events carry each supervisee's version, which the flush increments for those already written.
            supervisees.flush();
            superviseeEvents.record(changed);
        }
    }

    /**
     * A post holder stands UNSUPERVISED while a kind of supervision their role asks for is missing (past the time a
     * new starter is given), OVERDUE while one of their agreements is, or while a group standard they meet only
     * through a reflective practice group has gone unattended too long, COMPLIANT otherwise. Someone who no longer
     * holds a post is not reviewed. Says whether the supervisee's standing changed.
     */
    private boolean reviewSupervisee(Supervisee supervisee, Circumstances circumstances, LocalDate today) {
        String organisation = supervisee.organisationCode();
        String person = supervisee.staffReference();
        List<Post> held = circumstances.postsHeldBy(person);
        if (held.isEmpty()) {
            return false;
        }
        List<RoleProfile> profiles = profilesOf(held);
        Set<SupervisionType> required = required(profiles);
        List<Agreement> active = circumstances.activeAgreementsOf(person).stream()
                .filter(agreement -> agreement.type() != SupervisionType.MENTORING).toList();
        Set<SupervisionType> provided = EnumSet.noneOf(SupervisionType.class);
        active.forEach(agreement -> provided.add(agreement.type()));
        Optional<LocalDate> groupMemberSince = required.contains(SupervisionType.GROUP)
                && !provided.contains(SupervisionType.GROUP) ? circumstances.groupMemberSince(person) : Optional.empty();
        boolean groupOnly = groupMemberSince.isPresent();
        if (groupOnly) {
            provided.add(SupervisionType.GROUP);
        }
        LocalDate filledSince = held.stream().map(Post::filledSince).filter(Objects::nonNull).min(LocalDate::compareTo)
                .orElse(null);
        Set<SupervisionType> missing = Compliance.missingSupervision(required, provided, filledSince,
                unsupervisedAfterDays, today);
        boolean overdue = active.stream().anyMatch(agreement -> agreement.standing() == Compliance.Standing.OVERDUE)
                || groupOnly && groupStandardBroken(profiles, organisation, person, groupMemberSince.get(), today);
        Supervisee.Standing standing = !missing.isEmpty() ? Supervisee.Standing.UNSUPERVISED
                : overdue ? Supervisee.Standing.OVERDUE : Supervisee.Standing.COMPLIANT;
        return supervisee.stand(standing, missing, today);
    }

    /** Whether someone meeting their group standard through a reflective practice group has not attended in time. */
    private boolean groupStandardBroken(List<RoleProfile> profiles, String organisation, String person,
            LocalDate memberSince, LocalDate today) {
        int every = profiles.stream().map(profile -> profile.minimumEveryDays(SupervisionType.GROUP))
                .flatMap(Optional::stream).min(Integer::compare).orElseThrow();
        LocalDate countFrom = later(memberSince, groupSessions.lastAttended(organisation, person).orElse(null));
        return Compliance.standing(countFrom, every, null,
                groupSessions.awaitingRecord(organisation, person, clock.instant()), today) == Compliance.Standing.OVERDUE;
    }


    /** The posts a person holds in the organisation, read when asked. */
    private Function<String, List<Post>> postsHeldIn(String organisation) {
        return person -> posts.heldBy(organisation, person);
    }

    private List<RoleProfile> profilesOf(List<Post> held) {
        return held.stream().map(Post::roleProfileId).distinct().map(roleProfiles::findByIdOptional)
                .flatMap(Optional::stream).toList();
    }

    private static Set<SupervisionType> required(List<RoleProfile> profiles) {
        Set<SupervisionType> required = EnumSet.noneOf(SupervisionType.class);
        profiles.forEach(profile -> required.addAll(profile.requiredTypes()));
        return required;
    }

    private List<String> organisationsWithSupervision() {
        return Stream.of(supervisees.organisations(), supervisors.organisations(), groups.organisations())
                .flatMap(List::stream).distinct().sorted().toList();
    }

    private static LocalDate later(LocalDate one, LocalDate other) {
        if (one == null) {
            return other;
        }
        return other == null || one.isAfter(other) ? one : other;
    }
}
