package uk.org.lxp.supervision.rest;

import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.RequestScoped;

import uk.org.lxp.api.scope.CallerScope;
import uk.org.lxp.api.scope.DataClass;
import uk.org.lxp.api.scope.Persons;
import uk.org.lxp.http.problems.Refused;
import uk.org.lxp.supervision.Supervisor;
import uk.org.lxp.supervision.repository.Involving;
import uk.org.lxp.supervision.repository.SupervisorRepository;

/**
 * The scope policy applied to supervision records: within an organisation the caller reaches, anyone's (HR, leads,
 * admins), or one person's: a practitioner its own, a supervisor its own and, as the supervisor registered there,
 * those it supervises. Only the supervisor, never the supervisee, records what became of a session.
 */
@RequestScoped
public class SupervisionReach {

    private static final String OWN_RECORDS_ONLY = "This token reaches the records of the person it names only";

    private final CallerScope scope;
    private final SupervisorRepository supervisors;

    SupervisionReach(CallerScope scope, SupervisorRepository supervisors) {
        this.scope = scope;
        this.supervisors = supervisors;
    }

    /** Refused (403) outside the caller's organisations; empty when it reads anyone's there. */
    Optional<Involving> readable(String organisation) {
        Persons persons = scope.requireRead(DataClass.PERSON_LEVEL, organisation).persons();
        if (persons.anyone()) {
            return Optional.empty();
        }
        String self = persons.self().or(persons::superviseesOf).orElseThrow();
        Optional<UUID> asSupervisor = persons.superviseesOf().flatMap(own -> supervisors.find(organisation, own))
                .map(Supervisor::id);
        return Optional.of(new Involving(self, asSupervisor));
    }

    /** Refused (403) unless the caller reads this supervisee's record under this supervisor. */
    void requireRead(String organisation, String supervisee, UUID supervisorId) {
        readable(organisation).filter(person -> !person.reaches(supervisee, supervisorId)).ifPresent(person -> {
            throw new Refused("This token reaches its own supervision and that of the people it supervises only");
        });
    }

    /** Refused (403) unless the caller reads anyone's records there, or facilitates this group. */
    void requireReadOfGroup(String organisation, UUID facilitatorId) {
        readable(organisation).filter(person -> person.supervisorId().filter(facilitatorId::equals).isEmpty())
                .ifPresent(person -> {
                    throw new Refused("A supervisor reads the reflective practice groups it facilitates only");
                });
    }

    /**
     * Whose records a list filtered by person shows: the staff reference asked for (null: everyone's) when the caller
     * reads anyone's there, else the caller's own; refused (403) when a person asks for someone else's.
     */
    String listedPerson(String organisation, String asked) {
        Persons persons = scope.requireRead(DataClass.PERSON_LEVEL, organisation).persons();
        if (persons.anyone()) {
            return asked;
        }
        String self = persons.self().or(persons::superviseesOf).orElseThrow();
        if (asked != null && !asked.equals(self)) {
            throw new Refused(OWN_RECORDS_ONLY);
        }
        return self;
    }

    /** Refused (403) unless the caller reads anyone's records there, or this is the caller's own. */
    void requireOwnRecord(String organisation, String staffReference) {
        Persons persons = scope.requireRead(DataClass.PERSON_LEVEL, organisation).persons();
        if (!persons.reaches(staffReference, Optional.empty())) {
            throw new Refused(OWN_RECORDS_ONLY);
        }
    }

    /** Refused (403) unless the caller changes anyone's records there, or is this record's supervisor. */
    void requireWrite(String organisation, UUID supervisorId) {
        Persons persons = scope.requireWrite(DataClass.PERSON_LEVEL, organisation).persons();
        if (persons.anyone()) {
            return;
        }
        boolean theSupervisor = persons.superviseesOf().flatMap(own -> supervisors.find(organisation, own))
                .map(Supervisor::id).filter(supervisorId::equals).isPresent();
        if (!theSupervisor) {
            throw new Refused("A supervisor records and moves the sessions it supervises only");
        }
    }
}
