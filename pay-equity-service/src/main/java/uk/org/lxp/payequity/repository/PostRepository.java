package uk.org.lxp.payequity.repository;

import java.util.Collection;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import uk.org.lxp.payequity.Post;

@ApplicationScoped
public class PostRepository implements PanacheRepositoryBase<Post, UUID> {

    /** The organisation's posts with these references, by reference, in one query. */
    public Map<String, Post> byReference(String organisation, Collection<String> references) {
        if (references.isEmpty()) {
            return Map.of();
        }
        return list("organisationOdsCode = ?1 and postReference in ?2", organisation, references).stream()
                .collect(Collectors.toMap(Post::postReference, Function.identity()));
    }
}
