package uk.org.lxp.api;

import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(description = "One page of a list; pages are numbered from 0")
public record PageOf<T>(List<T> items, int page, int size, long totalItems) {
}
