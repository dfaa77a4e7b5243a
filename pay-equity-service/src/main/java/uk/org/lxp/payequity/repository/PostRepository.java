package uk.org.lxp.payequity.repository;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import uk.org.lxp.api.bulk.BulkItems;
import uk.org.lxp.payequity.Post;

@ApplicationScoped
public class PostRepository implements PanacheRepositoryBase<Post, UUID> {

    /** The posts with these ids that are here, by id, in one query. */
    public Map<UUID, Post> byId(Collection<UUID> ids) {
        return list("id in ?1", ids).stream()
                .collect(Collectors.toMap(Post::id, Function.identity(), (same, again) -> same, HashMap::new));
    }

    /** The organisation's posts with these references, by reference, in one query. */
    public Map<String, Post> byReference(String organisation, Collection<String> references) {
        return BulkItems.byReference(getEntityManager(), Post.class, "postReference", organisation, references,
                Post::postReference);
    }
}
