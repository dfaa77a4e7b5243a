package uk.org.lxp.supervision.repository;

import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import uk.org.lxp.supervision.Post;

@ApplicationScoped
public class PostRepository implements PanacheRepositoryBase<Post, UUID> {

    /** The posts a person holds in an organisation now. */
    public List<Post> heldBy(String organisation, String staffReference) {
        return list("organisationCode = ?1 and holderStaffReference = ?2 and status = 'FILLED'", organisation,
                staffReference);
    }
}
