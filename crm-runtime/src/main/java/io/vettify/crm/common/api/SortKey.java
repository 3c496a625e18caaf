package io.vettify.crm.common.api;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.function.Function;

/**
 * A column a list can be sorted by: its API name, the entity property, how its value travels in a cursor, and how
 * to read it from an entity. Sort columns are NOT NULL, and the id breaks ties, so keyset pages are exact.
 */
public record SortKey<E>(String name, String property, Function<String, Object> parse, Function<E, Object> read) {

    public static <E> SortKey<E> text(String name, String property, Function<E, String> read) {
        return new SortKey<>(name, property, value -> value, read::apply);
    }

    public static <E> SortKey<E> instant(String name, String property, Function<E, Instant> read) {
        return new SortKey<>(name, property, Instant::parse, read::apply);
    }

    public static <E> SortKey<E> decimal(String name, String property, Function<E, BigDecimal> read) {
        return new SortKey<>(name, property, BigDecimal::new, read::apply);
    }

    public static <E> SortKey<E> integer(String name, String property, Function<E, Integer> read) {
        return new SortKey<>(name, property, Integer::valueOf, read::apply);
    }
}
