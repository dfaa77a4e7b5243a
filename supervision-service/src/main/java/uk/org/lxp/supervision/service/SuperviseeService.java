package uk.org.lxp.supervision.service;

import java.util.UUID;
import java.util.function.Consumer;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import uk.org.lxp.api.Audit;
import uk.org.lxp.api.ETags;
import uk.org.lxp.http.problems.NotFound;
import uk.org.lxp.supervision.Supervisee;
import uk.org.lxp.supervision.WorkingPattern;
import uk.org.lxp.supervision.repository.AgreementRepository;
import uk.org.lxp.supervision.repository.SuperviseeRepository;

/** Supervisees are learnt from posts; HR may send when each works, and their sessions still to come follow. */
@ApplicationScoped
public class SuperviseeService {

    private final SuperviseeRepository supervisees;
    private final AgreementRepository agreements;
    private final SessionPlanning planning;
    private final Audit audit;

    SuperviseeService(SuperviseeRepository supervisees, AgreementRepository agreements, SessionPlanning planning,
            Audit audit) {
        this.supervisees = supervisees;
        this.agreements = agreements;
        this.planning = planning;
        this.audit = audit;
    }

    @Transactional
    public Supervisee changeWorkingPattern(UUID id, String ifMatch, WorkingPattern pattern,
            Consumer<Supervisee> mayChange) {
        Supervisee supervisee = load(id);
        mayChange.accept(supervisee);
        ETags.requireMatch(ifMatch, supervisee.version());
        if (supervisee.works(pattern)) {
            supervisees.flush();
            audit.record("supervisee.working-pattern.changed", "supervisee", id.toString(), pattern);
            planning.replanFuture(agreements.activeOfSupervisee(supervisee.organisationCode(),
                    supervisee.staffReference()));
        }
        return supervisee;
    }

    public Supervisee load(UUID id) {
        return supervisees.findByIdOptional(id).orElseThrow(() -> NotFound.of("supervisee", id));
    }
}
