package uk.org.lxp.api.paging;

import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One page of a list; {@code totalItems} counts the whole list, so a client knows how many pages there are. */
public record Page<T>(
        @Schema(description = "The items of this page, in the list's order") List<T> items,
        @Schema(description = "This page's number, from 0", example = "0") int page,
        @Schema(description = "Items per page as asked", example = "50") int size,
        @Schema(description = "Items in the whole list", example = "137") long totalItems) {

    public static <T> Page<T> of(List<T> items, Paging paging, long totalItems) {
        return new Page<>(items, paging.page(), paging.size(), totalItems);
    }
}
