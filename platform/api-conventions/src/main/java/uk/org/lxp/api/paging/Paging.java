package uk.org.lxp.api.paging;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.QueryParam;

import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;

/**
 * The page a list request asks for: {@code page} from 0, {@code size} up to {@value #MAX_SIZE}. Take it with
 * {@code @Valid @BeanParam Paging paging}; lists sort on a unique key last, so pages never overlap or skip.
 */
public class Paging {

    public static final int MAX_SIZE = 200;

    @QueryParam("page")
    @DefaultValue("0")
    @Min(value = 0, message = "must be 0 or more")
    @Max(value = 1_000_000, message = "must be at most 1000000")
    @Parameter(description = "Which page, from 0")
    int page;

    @QueryParam("size")
    @DefaultValue("50")
    @Min(value = 1, message = "must be 1 or more")
    @Max(value = MAX_SIZE, message = "must be at most " + MAX_SIZE)
    @Parameter(description = "Items per page, 1 to " + MAX_SIZE)
    int size;

    public Paging() {
    }

    public static Paging of(int page, int size) {
        Paging paging = new Paging();
        paging.page = page;
        paging.size = size;
        return paging;
    }

    public int page() {
        return page;
    }

    public int size() {
        return size;
    }

    /** The first item's position in the whole list. */
    public int offset() {
        return Math.multiplyExact(page, size);
    }
}
