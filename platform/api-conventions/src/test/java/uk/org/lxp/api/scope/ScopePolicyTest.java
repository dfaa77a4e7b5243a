package uk.org.lxp.api.scope;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The scope policy's matrix: role x data class x access x which organisation (own, same ICB, another ICB, national).
 * RGD and RXG are in ICB QWO, R0A in QOP; RXG moves to QOP on 2026-04-01.
 */
class ScopePolicyTest {

    private static final LocalDate DAY = LocalDate.of(2026, 3, 31);

    private final OrganisationDirectory directory = new OrganisationDirectory() {
        @Override
        public boolean isKnown(String odsCode) {
            return Set.of("RGD", "RXG", "R0A", "QWO", "QOP").contains(odsCode);
        }

        @Override
        public Optional<String> icbOf(String odsCode, LocalDate day) {
            return switch (odsCode) {
                case "RGD" -> Optional.of("QWO");
                case "RXG" -> Optional.of(day.isBefore(LocalDate.of(2026, 4, 1)) ? "QWO" : "QOP");
                case "R0A" -> Optional.of("QOP");
                default -> Optional.empty();
            };
        }

        @Override
        public Set<String> membersOf(String icb, LocalDate day) {
            return Set.of("RGD", "RXG", "R0A").stream().filter(o -> icbOf(o, day).filter(icb::equals).isPresent())
                    .collect(Collectors.toSet());
        }
    };

    private final ScopePolicy policy = new ScopePolicy(directory);

    private static final Map<String, Caller> CALLERS = Map.of(
            "admin", caller(Set.of("lxp-admin"), Set.of(), null, null),
            "hr-rgd", caller(Set.of("hr-integration"), Set.of("RGD"), null, null),
            "lead-rgd", caller(Set.of("lxp-lead"), Set.of("RGD"), null, null),
            "analyst-qwo", caller(Set.of("ics-analyst"), Set.of(), "QWO", null),
            "supervisor-rgd", caller(Set.of("supervisor"), Set.of("RGD"), null, "S-1"),
            "supervisor-without-reference", caller(Set.of("supervisor"), Set.of("RGD"), null, null),
            "practitioner-rgd", caller(Set.of("practitioner"), Set.of("RGD"), null, "P-1"),
            "hr-and-analyst", caller(Set.of("hr-integration", "ics-analyst"), Set.of("R0A"), "QWO", null));

    private static Caller caller(Set<String> roles, Set<String> organisations, String icb, String staffReference) {
        return new Caller("test", roles, organisations, Optional.ofNullable(icb), Optional.ofNullable(staffReference));
    }

    /** PEOPLE: with staff references; ESTABLISHMENT: without; SUPERVISEES / SELF: only those people; FIGURES: aggregates. */
    @ParameterizedTest(name = "{0} {2} {1} of {3}: {4}")
    @CsvSource({
            "admin,            PERSON_LEVEL, READ,  R0A, PEOPLE",
            "admin,            PERSON_LEVEL, WRITE, R0A, PEOPLE",
            "hr-rgd,           PERSON_LEVEL, READ,  RGD, PEOPLE",
            "hr-rgd,           PERSON_LEVEL, WRITE, RGD, PEOPLE",
            "hr-rgd,           PERSON_LEVEL, READ,  RXG, REFUSED",
            "hr-rgd,           PERSON_LEVEL, WRITE, R0A, REFUSED",
            "lead-rgd,         PERSON_LEVEL, READ,  RGD, PEOPLE",
            "lead-rgd,         PERSON_LEVEL, READ,  R0A, REFUSED",
            "lead-rgd,         PERSON_LEVEL, READ,  RXG, REFUSED",
            "analyst-qwo,      PERSON_LEVEL, READ,  RGD, ESTABLISHMENT",
            "analyst-qwo,      PERSON_LEVEL, READ,  RXG, ESTABLISHMENT",
            "analyst-qwo,      PERSON_LEVEL, READ,  R0A, REFUSED",
            "analyst-qwo,      PERSON_LEVEL, WRITE, RGD, REFUSED",
            "supervisor-rgd,   PERSON_LEVEL, READ,  RGD, SUPERVISEES",
            "supervisor-rgd,   PERSON_LEVEL, WRITE, RGD, SUPERVISEES",
            "supervisor-rgd,   PERSON_LEVEL, READ,  RXG, REFUSED",
            "supervisor-without-reference, PERSON_LEVEL, READ, RGD, REFUSED",
            "practitioner-rgd, PERSON_LEVEL, READ,  RGD, SELF",
            "practitioner-rgd, PERSON_LEVEL, WRITE, RGD, REFUSED",
            "practitioner-rgd, PERSON_LEVEL, READ,  RXG, REFUSED",
            "hr-and-analyst,   PERSON_LEVEL, READ,  R0A, PEOPLE",
            "hr-and-analyst,   PERSON_LEVEL, READ,  RGD, ESTABLISHMENT",
            "hr-and-analyst,   PERSON_LEVEL, WRITE, RGD, REFUSED",
            "admin,            AGGREGATE,    READ,  R0A, FIGURES",
            "hr-rgd,           AGGREGATE,    READ,  RGD, FIGURES",
            "hr-rgd,           AGGREGATE,    READ,  RXG, REFUSED",
            "hr-rgd,           AGGREGATE,    WRITE, RGD, FIGURES",
            "lead-rgd,         AGGREGATE,    READ,  R0A, REFUSED",
            "analyst-qwo,      AGGREGATE,    READ,  RXG, FIGURES",
            "analyst-qwo,      AGGREGATE,    WRITE, RXG, FIGURES",
            "analyst-qwo,      AGGREGATE,    READ,  R0A, REFUSED",
            "supervisor-rgd,   AGGREGATE,    READ,  RGD, FIGURES",
            "supervisor-rgd,   AGGREGATE,    WRITE, RGD, REFUSED",
            "practitioner-rgd, AGGREGATE,    READ,  RGD, FIGURES",
            "practitioner-rgd, AGGREGATE,    WRITE, RGD, REFUSED",
            "lead-rgd,         CATALOGUE,    WRITE, RGD, FIGURES",
            "lead-rgd,         CATALOGUE,    WRITE, RXG, REFUSED",
            "hr-rgd,           CATALOGUE,    READ,  RGD, FIGURES",
            "hr-rgd,           CATALOGUE,    WRITE, RGD, REFUSED",
            "analyst-qwo,      CATALOGUE,    READ,  RGD, REFUSED",
            "admin,            CATALOGUE,    WRITE, RXG, FIGURES"})
    void eachRoleReachesWhatItShould(String who, DataClass data, Access access, String organisation, String expected) {
        ScopePolicy.Decision decision = policy.decide(CALLERS.get(who), data, access, organisation, DAY);
        assertThat(outcome(decision, data)).isEqualTo(expected);
        if (!decision.allowed()) {
            assertThat(decision.refusal()).isNotBlank();
        }
    }

    @ParameterizedTest(name = "{0} {2} {1} across {3}: {4}")
    @CsvSource({
            "admin,          AGGREGATE,    READ,  ICB QOP,  ALLOWED",
            "analyst-qwo,    AGGREGATE,    READ,  ICB QWO,  ALLOWED",
            "analyst-qwo,    AGGREGATE,    READ,  ICB QOP,  REFUSED",
            "hr-rgd,         AGGREGATE,    READ,  ICB QWO,  ALLOWED",
            "hr-rgd,         AGGREGATE,    READ,  ICB QOP,  REFUSED",
            "hr-rgd,         AGGREGATE,    WRITE, ICB QWO,  REFUSED",
            "lead-rgd,       AGGREGATE,    READ,  ICB QWO,  ALLOWED",
            "practitioner-rgd, AGGREGATE,  READ,  NATIONAL, ALLOWED",
            "analyst-qwo,    AGGREGATE,    WRITE, NATIONAL, REFUSED",
            "admin,          AGGREGATE,    WRITE, NATIONAL, ALLOWED",
            "analyst-qwo,    PERSON_LEVEL, READ,  ICB QWO,  ALLOWED",
            "analyst-qwo,    PERSON_LEVEL, READ,  ICB QOP,  REFUSED",
            "hr-rgd,         PERSON_LEVEL, READ,  ICB QWO,  REFUSED",
            "lead-rgd,       PERSON_LEVEL, READ,  NATIONAL, REFUSED",
            "admin,          PERSON_LEVEL, READ,  NATIONAL, ALLOWED",
            "analyst-qwo,    CATALOGUE,    WRITE, NATIONAL, REFUSED",
            "lead-rgd,       CATALOGUE,    WRITE, NATIONAL, REFUSED",
            "admin,          CATALOGUE,    WRITE, NATIONAL, ALLOWED"})
    void wholeIcbsAndTheNationAreReachedOnlyAsTheRulesSay(String who, DataClass data, Access access, String reach,
            String expected) {
        Reach target = reach.equals("NATIONAL") ? new Reach.National() : new Reach.Icb(reach.substring(4));
        assertThat(policy.decide(CALLERS.get(who), data, target, access, DAY).allowed())
                .isEqualTo(expected.equals("ALLOWED"));
    }

    @Test
    void anIcbsOrganisationsAreDecidedOnTheDay() {
        Caller analyst = CALLERS.get("analyst-qwo");
        assertThat(policy.decide(analyst, DataClass.PERSON_LEVEL, Access.READ, "RXG", DAY).allowed()).isTrue();
        assertThat(policy.decide(analyst, DataClass.PERSON_LEVEL, Access.READ, "RXG", DAY.plusDays(1)).allowed()).isFalse();
        assertThat(policy.decide(analyst, DataClass.PERSON_LEVEL, Access.READ, "RXG", DAY.plusDays(1)).refusal())
                .contains("QWO").contains("QOP");
    }

    @Test
    void listsAreFilteredToWhatTheCallerReaches() {
        assertThat(policy.visible(CALLERS.get("admin"), DataClass.PERSON_LEVEL, Access.READ, DAY).organisations()).isEmpty();
        assertThat(policy.visible(CALLERS.get("hr-rgd"), DataClass.PERSON_LEVEL, Access.READ, DAY).organisations())
                .contains(Set.of("RGD"));
        Visibility analyst = policy.visible(CALLERS.get("analyst-qwo"), DataClass.PERSON_LEVEL, Access.READ, DAY);
        assertThat(analyst.organisations()).contains(Set.of("RGD", "RXG"));
        assertThat(analyst.staffReferencesIn("RGD")).isFalse();
        assertThat(policy.visible(CALLERS.get("practitioner-rgd"), DataClass.PERSON_LEVEL, Access.WRITE, DAY).isEmpty())
                .isTrue();
        assertThat(policy.icbAggregates(CALLERS.get("hr-rgd"), DAY)).contains(Set.of("QWO"));
        assertThat(policy.icbAggregates(CALLERS.get("analyst-qwo"), DAY)).contains(Set.of("QWO"));
        assertThat(policy.icbAggregates(CALLERS.get("admin"), DAY)).isEmpty();
    }

    @Test
    void aSupervisorReachesItsSuperviseesAndAPractitionerOnlyItself() {
        Persons supervisor = policy.decide(CALLERS.get("supervisor-rgd"), DataClass.PERSON_LEVEL, Access.READ, "RGD", DAY)
                .persons();
        assertThat(supervisor.reaches("E-9", Optional.of("S-1"))).isTrue();
        assertThat(supervisor.reaches("S-1", Optional.empty())).isTrue();
        assertThat(supervisor.reaches("E-9", Optional.of("S-2"))).isFalse();
        Persons practitioner = policy.decide(CALLERS.get("practitioner-rgd"), DataClass.PERSON_LEVEL, Access.READ, "RGD",
                DAY).persons();
        assertThat(practitioner.reaches("P-1", Optional.of("S-1"))).isTrue();
        assertThat(practitioner.reaches("E-9", Optional.of("S-1"))).isFalse();
    }

    @Test
    void onlyTheAdminSeesSmallCohorts() {
        assertThat(policy.seesSmallCohorts(CALLERS.get("admin"))).isTrue();
        CALLERS.keySet().stream().filter(who -> !who.equals("admin"))
                .forEach(who -> assertThat(policy.seesSmallCohorts(CALLERS.get(who))).as(who).isFalse());
    }

    private static String outcome(ScopePolicy.Decision decision, DataClass data) {
        if (!decision.allowed()) {
            return "REFUSED";
        }
        Persons persons = decision.persons();
        if (!persons.anyone()) {
            return persons.self().isPresent() ? "SELF" : "SUPERVISEES";
        }
        if (decision.staffReferences()) {
            return "PEOPLE";
        }
        return data == DataClass.PERSON_LEVEL ? "ESTABLISHMENT" : "FIGURES";
    }
}
