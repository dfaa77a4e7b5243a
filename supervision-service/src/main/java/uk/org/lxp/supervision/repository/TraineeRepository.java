package uk.org.lxp.supervision.repository;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;
import uk.org.lxp.supervision.Trainee;

@ApplicationScoped
public class TraineeRepository implements PanacheRepositoryBase<Trainee, UUID> {

    public List<Trainee> ofCohort(UUID cohortId) {
        return list("cohortId", Sort.by("traineeReference"), cohortId);
    }

    public Optional<Trainee> find(UUID cohortId, String traineeReference) {
        return find("cohortId = ?1 and traineeReference = ?2", cohortId, traineeReference).firstResultOptional();
    }
}
