package uk.org.lxp.roles;

import java.io.Serializable;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * One organisation's answer to a funding programme: it decided not to apply (and why, from a fixed list), applied,
 * was successful or declined, or withdrew. The states follow one another as the process does; a day is kept for each.
 */
@Entity
@Table(name = "funding_application")
public class FundingApplication {

    @Schema(name = "FundingApplicationState")
    public enum State { NOT_APPLIED, APPLIED, SUCCESSFUL, DECLINED, WITHDRAWN }

    /** Why an organisation did not apply: the answers the 2021 Freedom of Information requests gathered most. */
    public enum NotApplyingReason {
        SHORT_TIMESCALES, NO_RECURRENT_FUNDING_AFTER_THE_PROGRAMME, NO_SENIOR_LXP_TO_SUPERVISE,
        ROLE_ALREADY_FUNDED, NO_CAPACITY_TO_RECRUIT, OTHER
    }

    /** What may follow what: a decision not to apply may be revisited while the window is open; an answer is final. */
    private static final Map<State, Set<State>> NEXT = Map.of(
            State.NOT_APPLIED, EnumSet.of(State.APPLIED),
            State.APPLIED, EnumSet.of(State.SUCCESSFUL, State.DECLINED, State.WITHDRAWN),
            State.SUCCESSFUL, EnumSet.of(State.WITHDRAWN),
            State.DECLINED, EnumSet.noneOf(State.class),
            State.WITHDRAWN, EnumSet.noneOf(State.class));

    /** A move to a state on a day; reasons (and their text) only for not applying. */
    public record Step(State state, LocalDate on, Set<NotApplyingReason> reasons, String reasonText) {

        public Step {
            reasons = reasons == null ? Set.of() : Set.copyOf(reasons);
            if (state == State.NOT_APPLIED && reasons.isEmpty()) {
                throw new FieldInvalid("reasons", "say why the organisation did not apply");
            }
            if (state != State.NOT_APPLIED && (!reasons.isEmpty() || reasonText != null)) {
                throw new FieldInvalid("reasons", "reasons are given for not applying only");
            }
            if (reasons.contains(NotApplyingReason.OTHER) && (reasonText == null || reasonText.isBlank())) {
                throw new FieldInvalid("reasonText", "say what the other reason was");
            }
        }
    }

    /** A step the programme or the application's history rules out, naming the field at fault. */
    public static final class NotAllowed extends RuntimeException {
        private final String field;

        public NotAllowed(String field, String message) {
            super(message);
            this.field = field;
        }

        public String field() {
            return field;
        }
    }

    @Embeddable
    public record Key(@Column(name = "programme_id") UUID programmeId,
            @Column(name = "organisation_ods_code") String organisation) implements Serializable {
    }

    @EmbeddedId
    private Key key;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private State state;

    @Column(name = "decided_not_to_apply_on")
    private LocalDate decidedNotToApplyOn;

    @Column(name = "applied_on")
    private LocalDate appliedOn;

    @Column(name = "decided_on")
    private LocalDate decidedOn;

    @Column(name = "withdrawn_on")
    private LocalDate withdrawnOn;

    private String reasons;

    @Column(name = "reason_text")
    private String reasonText;

    @Version
    private int version;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    protected FundingApplication() {
    }

    private FundingApplication(FundingProgramme programme, String organisation) {
        this.key = new Key(programme.id(), organisation);
    }

    /** The organisation's first answer: it did not apply, or applied. */
    public static FundingApplication first(FundingProgramme programme, String organisation, Step step, LocalDate today,
            Instant now) {
        if (step.state() != State.NOT_APPLIED && step.state() != State.APPLIED) {
            throw new IllegalStateException("An organisation first applies or decides not to; " + step.state()
                    + " follows an application");
        }
        FundingApplication application = new FundingApplication(programme, organisation);
        application.apply(programme, step, today, now);
        return application;
    }

    /** The next step of the process. */
    public void advance(FundingProgramme programme, Step step, LocalDate today, Instant now) {
        if (!NEXT.get(state).contains(step.state())) {
            throw new IllegalStateException("An application " + state + " cannot become " + step.state()
                    + (NEXT.get(state).isEmpty() ? ": it is final" : "; it can become " + NEXT.get(state)));
        }
        apply(programme, step, today, now);
    }

    private void apply(FundingProgramme programme, Step step, LocalDate today, Instant now) {
        if (step.on().isAfter(today)) {
            throw new NotAllowed("on", step.on() + " has not happened yet");
        }
        switch (step.state()) {
            case NOT_APPLIED -> {
                requireNotBefore(step.on(), programme.offeredOn(), "the programme was offered");
                decidedNotToApplyOn = step.on();
            }
            case APPLIED -> {
                if (decidedNotToApplyOn != null) {
                    requireNotBefore(step.on(), decidedNotToApplyOn, "the decision not to apply");
                }
                if (!programme.isOpenOn(step.on())) {
                    throw new NotAllowed("on", "Applications were open from " + programme.applicationsOpen() + " to "
                            + programme.applicationsClose());
                }
                appliedOn = step.on();
            }
            case SUCCESSFUL, DECLINED -> {
                requireNotBefore(step.on(), appliedOn, "the organisation applied");
                decidedOn = step.on();
            }
            case WITHDRAWN -> {
                requireNotBefore(step.on(), decidedOn != null ? decidedOn : appliedOn, "the last step");
                withdrawnOn = step.on();
            }
            default -> throw new IllegalArgumentException("Unknown state " + step.state());
        }
        state = step.state();
        reasons = step.reasons().isEmpty() ? null
                : step.reasons().stream().map(Enum::name).sorted().collect(Collectors.joining(","));
        reasonText = step.reasonText();
        updatedAt = now;
    }

    private static void requireNotBefore(LocalDate day, LocalDate earliest, String what) {
        if (day.isBefore(earliest)) {
            throw new NotAllowed("on", day + " is before " + what + " (" + earliest + ")");
        }
    }

    public UUID programmeId() {
        return key.programmeId();
    }

    public String organisation() {
        return key.organisation();
    }

    public State state() {
        return state;
    }

    /**
     * The day the funding was awarded; null unless the application succeeded (a withdrawal after success, handing the
     * award back, keeps the day: a declined application is final, so only an award leaves a decision before one).
     */
    public LocalDate awardedOn() {
        return state == State.SUCCESSFUL || state == State.WITHDRAWN ? decidedOn : null;
    }

    /** Whether the organisation holds the award now. */
    public boolean holdsAward() {
        return state == State.SUCCESSFUL;
    }

    public LocalDate decidedNotToApplyOn() {
        return decidedNotToApplyOn;
    }

    public LocalDate appliedOn() {
        return appliedOn;
    }

    public LocalDate decidedOn() {
        return decidedOn;
    }

    public LocalDate withdrawnOn() {
        return withdrawnOn;
    }

    public Set<NotApplyingReason> reasons() {
        return reasons == null ? Set.of() : Arrays.stream(reasons.split(",")).map(NotApplyingReason::valueOf)
                .collect(Collectors.toUnmodifiableSet());
    }

    public String reasonText() {
        return reasonText;
    }

    public int version() {
        return version;
    }

    public Instant updatedAt() {
        return updatedAt;
    }
}
