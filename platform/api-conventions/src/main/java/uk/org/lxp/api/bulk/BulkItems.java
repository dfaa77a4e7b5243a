package uk.org.lxp.api.bulk;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.stream.Collectors;

import jakarta.persistence.EntityManager;

import uk.org.lxp.http.problems.InvalidRequest;

/**
 * What every bulk sync from an HR system needs: reading each item of the request into the domain, with a value the
 * domain refuses reported at that item ({@code posts[3]}), and finding the organisation's existing rows for all the
 * items' references in one query.
 */
public final class BulkItems {

    private BulkItems() {
    }

    /**
     * Reads each item with its index; an item the domain refuses ({@code IllegalArgumentException}) is a 400 naming
     * it as {@code <field>[<index>]}.
     */
    public static <T, R> List<R> read(List<T> items, String field, BiFunction<Integer, T, R> reader) {
        List<R> read = new ArrayList<>(items.size());
        for (int i = 0; i < items.size(); i++) {
            try {
                read.add(reader.apply(i, items.get(i)));
            } catch (IllegalArgumentException refused) {
                throw InvalidRequest.inBody(field + "[" + i + "]", refused.getMessage());
            }
        }
        return read;
    }

    /** Reads the one item of a single change; one the domain refuses is a 400 about the body. */
    public static <T, R> R readOne(T item, Function<T, R> reader) {
        try {
            return reader.apply(item);
        } catch (IllegalArgumentException refused) {
            throw InvalidRequest.inBody("(body)", refused.getMessage());
        }
    }

    /**
     * The organisation's rows of an entity whose reference is one of these, by reference, in one query. The
     * entity names its organisation {@code organisationOdsCode}.
     */
    public static <E> Map<String, E> byReference(EntityManager entities, Class<E> type, String referenceField,
            String organisation, Collection<String> references, Function<E, String> reference) {
        if (references.isEmpty()) {
            return Map.of();
        }
        return entities.createQuery("from " + type.getSimpleName() + " e where e.organisationOdsCode = :organisation"
                        + " and e." + referenceField + " in :references", type)
                .setParameter("organisation", organisation).setParameter("references", references)
                .getResultStream().collect(Collectors.toMap(reference, Function.identity()));
    }
}
