package uk.org.lxp.supervision.service;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import net.fortuna.ical4j.model.Calendar;
import uk.org.lxp.api.Audit;
import uk.org.lxp.http.problems.NotFound;
import uk.org.lxp.http.problems.UnknownReference;
import uk.org.lxp.supervision.CalendarFeed;
import uk.org.lxp.supervision.SessionCalendar;
import uk.org.lxp.supervision.SupervisionSession;
import uk.org.lxp.supervision.Supervisor;
import uk.org.lxp.supervision.repository.CalendarFeedRepository;
import uk.org.lxp.supervision.repository.SessionRepository;
import uk.org.lxp.supervision.repository.SuperviseeRepository;
import uk.org.lxp.supervision.repository.SupervisorRepository;

/**
 * Calendar feeds for clients that cannot sign in: each is reached by a random token of 256 bits, shown once when the
 * feed is made; only its SHA-256 is kept, so the database cannot give a feed away. A revoked or unknown token finds
 * nothing (404), the same answer either way.
 */
@ApplicationScoped
public class CalendarFeedService {

    /** How far back a feed shows sessions; everything ahead is shown. */
    static final Duration LOOK_BACK = Duration.ofDays(8 * 7);

    private final CalendarFeedRepository feeds;
    private final SupervisorRepository supervisors;
    private final SuperviseeRepository supervisees;
    private final SessionRepository sessions;
    private final Audit audit;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    CalendarFeedService(CalendarFeedRepository feeds, SupervisorRepository supervisors, SuperviseeRepository supervisees,
            SessionRepository sessions, Audit audit, Clock clock) {
        this.feeds = feeds;
        this.supervisors = supervisors;
        this.supervisees = supervisees;
        this.sessions = sessions;
        this.audit = audit;
        this.clock = clock;
    }

    /** A new feed and its token, which is not kept and cannot be shown again. */
    public record Created(CalendarFeed feed, String token) {
    }

    /** Makes a feed of a supervisor's or a supervisee's sessions; the person must be known as that. */
    @Transactional
    public Created create(CalendarFeed.Owner owner, String organisation, String staffReference, String createdBy) {
        boolean known = owner == CalendarFeed.Owner.SUPERVISOR
                ? supervisors.find(organisation, staffReference).isPresent()
                : supervisees.find(organisation, staffReference).isPresent();
        if (!known) {
            throw UnknownReference.inBody("staffReference", "No " + owner.name().toLowerCase() + " of " + organisation
                    + " has staff reference " + staffReference);
        }
        byte[] secret = new byte[32];
        random.nextBytes(secret);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
        CalendarFeed feed = new CalendarFeed(hash(token), owner, organisation, staffReference, createdBy, clock.instant());
        feeds.persist(feed);
        audit.record("calendar-feed.created", "calendar-feed", feed.id().toString(), owner);
        return new Created(feed, token);
    }

    @Transactional
    public void revoke(UUID id, Consumer<CalendarFeed> mayChange) {
        CalendarFeed feed = load(id);
        mayChange.accept(feed);
        if (!feed.revoked()) {
            feed.revoke(clock.instant());
            audit.record("calendar-feed.revoked", "calendar-feed", id.toString(), null);
        }
    }

    /** The calendar a live token opens; 404 for any other token. */
    @Transactional
    public Calendar calendarFor(String token) {
        CalendarFeed feed = (token == null ? Optional.<CalendarFeed>empty() : feeds.byTokenHash(hash(token)))
                .filter(found -> !found.revoked())
                .orElseThrow(() -> new NotFound("No calendar feed has this token, or it was revoked"));
        Instant now = clock.instant();
        Instant from = now.minus(LOOK_BACK);
        List<SupervisionSession> shown = feed.owner() == CalendarFeed.Owner.SUPERVISOR
                ? supervisors.find(feed.organisationCode(), feed.staffReference()).map(Supervisor::id)
                        .map(supervisor -> sessions.calendarOfSupervisor(supervisor, from)).orElse(List.of())
                : sessions.calendarOfSupervisee(feed.organisationCode(), feed.staffReference(), from);
        return SessionCalendar.of(shown, now);
    }

    public CalendarFeed load(UUID id) {
        return feeds.findByIdOptional(id).orElseThrow(() -> NotFound.of("calendar feed", id));
    }

    static String hash(String token) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
