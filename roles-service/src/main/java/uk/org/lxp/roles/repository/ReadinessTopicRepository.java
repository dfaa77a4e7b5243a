package uk.org.lxp.roles.repository;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Parameters;
import uk.org.lxp.roles.ReadinessTopic;

@ApplicationScoped
public class ReadinessTopicRepository implements PanacheRepositoryBase<ReadinessTopic, UUID> {

    /** The national topics, then the organisation's own (none for a national template), each in code order. */
    public List<ReadinessTopic> forOwner(String ownerOdsCode) {
        return list("from ReadinessTopic t where t.ownerOdsCode is null or t.ownerOdsCode = :owner"
                + " order by case when t.ownerOdsCode is null then 0 else 1 end, t.position",
                Parameters.with("owner", ownerOdsCode == null ? "" : ownerOdsCode));
    }

    public Optional<ReadinessTopic> find(String ownerOdsCode, String code) {
        return forOwner(ownerOdsCode).stream().filter(topic -> topic.code().equals(code)).findFirst();
    }
}
