package uk.org.lxp.api.scope;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import uk.org.lxp.api.Roles;
import uk.org.lxp.api.scope.Visibility.Grant;

/**
 * Who may read and write what, decided in one place for every service. The role check of each operation
 * ({@code @RolesAllowed}) comes first; this decides the reach of a role that passed it:
 * <ul>
 * <li>lxp-admin: everything, and small cohorts unsuppressed;</li>
 * <li>hr-integration and lxp-lead: their own organisations ({@code org} claim), person-level and aggregate;</li>
 * <li>ics-analyst: the organisations of its ICB ({@code icb} claim) on the day, person-level data read-only and never
 * with staff references, and the ICB's aggregates;</li>
 * <li>supervisor: in its organisation, only the people it supervises; practitioner: only itself, read-only;</li>
 * <li>catalogue (role profiles, drafts included, and routes): lxp-lead maintains its organisations', hr-integration
 * reads them, lxp-admin maintains every one and the national templates;</li>
 * <li>aggregates: an organisation's for those who act for it (or its ICB's analysts), an ICB's for its analysts and
 * for those who act for one of its members, the nation's for everyone.</li>
 * </ul>
 * Pure: the day and the organisations' ICBs come in, so the whole matrix is tested without a server.
 */
public final class ScopePolicy {

    private static final Grant PEOPLE = new Grant(true, Persons.ANYONE);
    private static final Grant FIGURES = new Grant(false, Persons.ANYONE);
    private static final Set<String> ORGANISATION_ROLES = Set.of(Roles.HR_INTEGRATION, Roles.LXP_LEAD, Roles.SUPERVISOR,
            Roles.PRACTITIONER);

    private final OrganisationDirectory directory;

    public ScopePolicy(OrganisationDirectory directory) {
        this.directory = directory;
    }

    /** A role's reach: every organisation ({@code everyOrganisation}) or those listed. */
    private record RoleReach(boolean everyOrganisation, Set<String> organisations, Grant grant) {
    }

    public Visibility visible(Caller caller, DataClass data, Access access, LocalDate day) {
        Grant everywhere = null;
        Map<String, Grant> byOrganisation = new HashMap<>();
        for (String role : caller.roles()) {
            Optional<RoleReach> granted = reach(role, caller, data, access, day);
            if (granted.isEmpty() || granted.get().grant().persons().nobody()) {
                continue;
            }
            RoleReach roleReach = granted.get();
            if (roleReach.everyOrganisation()) {
                everywhere = everywhere == null ? roleReach.grant() : everywhere.and(roleReach.grant());
            } else {
                roleReach.organisations().forEach(o -> byOrganisation.merge(o, roleReach.grant(), Grant::and));
            }
        }
        return new Visibility(everywhere, byOrganisation);
    }

    /** What the caller reaches of one organisation's data; a refusal says why. */
    public Decision decide(Caller caller, DataClass data, Access access, String organisation, LocalDate day) {
        Optional<Grant> grant = visible(caller, data, access, day).grantIn(organisation);
        if (grant.isPresent()) {
            return Decision.allowed(grant.get());
        }
        return Decision.refused(refusal(caller, data, access, organisation, day));
    }

    /**
     * Whether the caller may read or change data of a whole reach. An ICB's or the nation's person-level records are
     * for lxp-admin and (to read) the ICB's analysts only; aggregates as the class comment says.
     */
    public Decision decide(Caller caller, DataClass data, Reach reach, Access access, LocalDate day) {
        if (reach instanceof Reach.Organisation organisation) {
            return decide(caller, data, access, organisation.odsCode(), day);
        }
        if (reach instanceof Reach.Icb icb) {
            return data == DataClass.AGGREGATE ? icbAggregate(caller, icb.odsCode(), access, day)
                    : icbRecords(caller, icb.odsCode(), access, data);
        }
        if (caller.has(Roles.LXP_ADMIN) || (data == DataClass.AGGREGATE && access == Access.READ)) {
            return Decision.allowed(data == DataClass.AGGREGATE ? FIGURES : PEOPLE);
        }
        return Decision.refused("Only lxp-admin reaches every organisation's records");
    }

    private Decision icbRecords(Caller caller, String icb, Access access, DataClass data) {
        if (caller.has(Roles.LXP_ADMIN)) {
            return Decision.allowed(PEOPLE);
        }
        if (access == Access.READ && data == DataClass.PERSON_LEVEL && caller.has(Roles.ICS_ANALYST)
                && caller.icb().filter(icb::equals).isPresent()) {
            return Decision.allowed(FIGURES);
        }
        return Decision.refused("A whole ICB's records are read by lxp-admin and that ICB's analysts only");
    }

    /** The ICBs whose aggregates the caller reads; empty when every ICB's. */
    public Optional<Set<String>> icbAggregates(Caller caller, LocalDate day) {
        if (caller.has(Roles.LXP_ADMIN)) {
            return Optional.empty();
        }
        Set<String> icbs = new java.util.TreeSet<>();
        if (caller.has(Roles.ICS_ANALYST)) {
            caller.icb().ifPresent(icbs::add);
        }
        if (caller.roles().stream().anyMatch(ORGANISATION_ROLES::contains)) {
            caller.organisations().forEach(o -> directory.icbOf(o, day).ifPresent(icbs::add));
        }
        return Optional.of(icbs);
    }

    /** Only lxp-admin sees cohorts below the suppression threshold. */
    public boolean seesSmallCohorts(Caller caller) {
        return caller.has(Roles.LXP_ADMIN);
    }

    private Decision icbAggregate(Caller caller, String icb, Access access, LocalDate day) {
        if (caller.has(Roles.LXP_ADMIN) || (caller.has(Roles.ICS_ANALYST) && caller.icb().filter(icb::equals).isPresent())) {
            return Decision.allowed(FIGURES);
        }
        boolean memberActsFor = access == Access.READ && caller.roles().stream()
                .anyMatch(ORGANISATION_ROLES::contains)
                && caller.organisations().stream().anyMatch(o -> directory.icbOf(o, day).filter(icb::equals).isPresent());
        if (memberActsFor) {
            return Decision.allowed(FIGURES);
        }
        return Decision.refused(caller.has(Roles.ICS_ANALYST)
                ? "This token's ICB is " + caller.icb().orElse("(none)") + ", not " + icb
                : "None of this token's organisations belongs to ICB " + icb + " on " + day);
    }

    private Optional<RoleReach> reach(String role, Caller caller, DataClass data, Access access, LocalDate day) {
        if (data == DataClass.CATALOGUE) {
            return catalogue(role, caller, access);
        }
        Grant asPeople = data == DataClass.PERSON_LEVEL ? PEOPLE : FIGURES;
        return switch (role) {
            case Roles.LXP_ADMIN -> Optional.of(new RoleReach(true, Set.of(), asPeople));
            case Roles.HR_INTEGRATION, Roles.LXP_LEAD -> own(caller, asPeople);
            case Roles.ICS_ANALYST -> {
                if (data == DataClass.PERSON_LEVEL && access == Access.WRITE) {
                    yield Optional.empty();
                }
                // Posts are establishment data to an ICS, not people: never a staff reference.
                yield caller.icb().map(icb -> new RoleReach(false, directory.membersOf(icb, day),
                        FIGURES));
            }
            case Roles.SUPERVISOR -> data == DataClass.AGGREGATE
                    ? (access == Access.READ ? own(caller, FIGURES) : Optional.empty())
                    : caller.staffReference().flatMap(self -> own(caller, new Grant(true, Persons.superviseesOf(self))));
            case Roles.PRACTITIONER -> {
                if (access == Access.WRITE) {
                    yield Optional.empty();
                }
                yield data == DataClass.AGGREGATE ? own(caller, FIGURES)
                        : caller.staffReference().flatMap(self -> own(caller, new Grant(true, Persons.self(self))));
            }
            default -> Optional.empty();
        };
    }

    private static Optional<RoleReach> catalogue(String role, Caller caller, Access access) {
        return switch (role) {
            case Roles.LXP_ADMIN -> Optional.of(new RoleReach(true, Set.of(), FIGURES));
            case Roles.LXP_LEAD -> own(caller, FIGURES);
            case Roles.HR_INTEGRATION -> access == Access.READ ? own(caller, FIGURES) : Optional.empty();
            default -> Optional.empty();
        };
    }

    private static Optional<RoleReach> own(Caller caller, Grant grant) {
        return caller.organisations().isEmpty() ? Optional.empty()
                : Optional.of(new RoleReach(false, caller.organisations(), grant));
    }

    private String refusal(Caller caller, DataClass data, Access access, String organisation, LocalDate day) {
        if (organisation == null) {
            return "Only lxp-admin maintains national templates";
        }
        if (caller.has(Roles.ICS_ANALYST) && !caller.has(Roles.HR_INTEGRATION) && !caller.has(Roles.LXP_LEAD)) {
            if (data == DataClass.PERSON_LEVEL && access == Access.WRITE) {
                return "An ICS analyst reads person-level data; it does not change it";
            }
            return "This token reads ICB " + caller.icb().orElse("(none)") + " only; " + organisation + " belongs to "
                    + directory.icbOf(organisation, day).map(icb -> "ICB " + icb).orElse("no ICB") + " on " + day;
        }
        if (caller.organisations().contains(organisation)) {
            return "This token's roles do not reach " + (access == Access.WRITE ? "changes to " : "")
                    + (data == DataClass.PERSON_LEVEL ? "these records" : data == DataClass.AGGREGATE ? "these figures" : "this catalogue") + " of " + organisation;
        }
        return "This token acts for " + (caller.organisations().isEmpty() ? "no organisation"
                : String.join(", ", caller.organisations().stream().sorted().toList())) + ", not " + organisation;
    }

    /** The answer for one organisation or aggregate. */
    public record Decision(boolean allowed, boolean staffReferences, Persons persons, String refusal) {

        static Decision allowed(Grant grant) {
            return new Decision(true, grant.staffReferences(), grant.persons(), null);
        }

        static Decision refused(String why) {
            return new Decision(false, false, Persons.NOBODY, why);
        }
    }
}
