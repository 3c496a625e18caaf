package io.vettify.crm.common.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import java.util.function.Function;

/** One page of a list: {@code nextCursor} is null on the last page; {@code total} only when asked for. */
public record Page<T>(
        List<T> items,
        String nextCursor,
        @JsonInclude(JsonInclude.Include.NON_NULL) Long total) {

    public <R> Page<R> map(Function<T, R> mapper) {
        return new Page<>(items.stream().map(mapper).toList(), nextCursor, total);
    }
}
