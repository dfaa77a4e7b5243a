package uk.org.lxp.supervision.repository;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

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

    /** The posts these people hold in an organisation now, in one query. */
    public List<Post> heldBy(String organisation, Collection<String> staffReferences) {
        return list("organisationCode = ?1 and holderStaffReference in ?2 and status = 'FILLED'", organisation,
                staffReferences);
    }

    /** The filled posts of an organisation. */
    public List<Post> filledIn(String organisation) {
        return list("organisationCode = ?1 and status = 'FILLED'", organisation);
    }

    /** The posts with these ids that are here, by id, in one query. */
    public Map<UUID, Post> byId(Collection<UUID> ids) {
        return list("id in ?1", ids).stream()
                .collect(Collectors.toMap(Post::id, Function.identity(), (same, again) -> same, HashMap::new));
    }
}
