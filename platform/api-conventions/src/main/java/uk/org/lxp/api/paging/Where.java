package uk.org.lxp.api.paging;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The where clause of a list query, built from the filters a request gives: a filter left out adds nothing. Named
 * parameters only, never values in the text. For JPQL/HQL: {@code find("from Post p where " + where, sort,
 * where.parameters())}.
 */
public final class Where {

    private final StringBuilder clause = new StringBuilder("1 = 1");
    private final Map<String, Object> parameters = new HashMap<>();

    /** {@code field = :name}, when the value is given. */
    public Where equal(String field, String name, Object value) {
        if (value != null) {
            clause.append(" and ").append(field).append(" = :").append(name);
            parameters.put(name, value);
        }
        return this;
    }

    /**
     * {@code field in :name}, when the values are given (null: no condition). An empty collection matches
     * nothing, as a caller who reaches no organisation sees nothing.
     */
    public Where in(String field, String name, Collection<?> values) {
        if (values != null) {
            clause.append(" and ").append(field).append(" in :").append(name);
            parameters.put(name, values.isEmpty() ? List.of("") : values);
        }
        return this;
    }

    /** Any other condition, with its parameters, when {@code applies}. */
    public Where and(boolean applies, String condition, Map<String, Object> conditionParameters) {
        if (applies) {
            clause.append(" and ").append(condition);
            parameters.putAll(conditionParameters);
        }
        return this;
    }

    public Map<String, Object> parameters() {
        return Map.copyOf(parameters);
    }

    @Override
    public String toString() {
        return clause.toString();
    }
}
