package uk.org.lxp.payequity;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Embeddable;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.Table;

/**
 * A national funding programme as roles-service last published it: what pay equity needs to ask whether the posts it
 * funds appeared, and each organisation's answer with the day of its award.
 */
@Entity
@Table(name = "funding_programme")
public class FundingProgramme {

    /** The fields of roles-service's funding programme event that this service keeps. */
    public record State(UUID id, String name, String fundedBand, int postsPerOrganisation, List<AnswerState> applications,
            int version) {
    }

    public record AnswerState(String organisationCode, String state, LocalDate awardedOn, int version) {
    }

    /** One organisation's answer; each is taken only when newer than the one held. */
    @Embeddable
    public static class Answer {

        @Column(name = "organisation_ods_code", nullable = false)
        private String organisation;

        @Column(nullable = false)
        private String state;

        @Column(name = "awarded_on")
        private LocalDate awardedOn;

        @Column(name = "source_version", nullable = false)
        private int sourceVersion;

        protected Answer() {
        }

        Answer(AnswerState state) {
            this.organisation = state.organisationCode();
            this.state = state.state();
            this.awardedOn = state.awardedOn();
            this.sourceVersion = state.version();
        }

        public String organisation() {
            return organisation;
        }

        public String state() {
            return state;
        }

        /** Whether the organisation holds the award now. */
        public boolean holdsAward() {
            return "SUCCESSFUL".equals(state);
        }

        public LocalDate awardedOn() {
            return awardedOn;
        }
    }

    @Id
    private UUID id;

    @Column(nullable = false)
    private String name;

    @Column(name = "funded_band", nullable = false)
    private String fundedBand;

    @Column(name = "posts_per_organisation", nullable = false)
    private int postsPerOrganisation;

    @Column(name = "source_version", nullable = false)
    private int sourceVersion;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "funding_answer", joinColumns = @JoinColumn(name = "programme_id"))
    private List<Answer> answers = new ArrayList<>();

    protected FundingProgramme() {
    }

    public FundingProgramme(UUID id) {
        this.id = id;
        this.sourceVersion = -1;
    }

    /**
     * Takes a newer programme and every answer newer than the one held (each answer has a version of its own, and
     * the programme's does not move when an answer does). Says whether anything changed.
     */
    public boolean apply(State state) {
        boolean changed = false;
        if (state.version() > sourceVersion) {
            name = state.name();
            fundedBand = state.fundedBand();
            postsPerOrganisation = state.postsPerOrganisation();
            sourceVersion = state.version();
            changed = true;
        }
        for (AnswerState incoming : state.applications()) {
            Answer held = answers.stream().filter(a -> a.organisation.equals(incoming.organisationCode())).findFirst()
                    .orElse(null);
            if (held == null || incoming.version() > held.sourceVersion) {
                answers.remove(held);
                answers.add(new Answer(incoming));
                changed = true;
            }
        }
        return changed;
    }

    public UUID id() {
        return id;
    }

    public String name() {
        return name;
    }

    public String fundedBand() {
        return fundedBand;
    }

    public int postsPerOrganisation() {
        return postsPerOrganisation;
    }

    public List<Answer> answers() {
        return List.copyOf(answers);
    }
}
