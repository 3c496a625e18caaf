package io.vettify.crm.common.api;

import java.util.Arrays;
import java.util.UUID;
import java.util.stream.Collectors;

/** Parses filter query parameters; a bad value is a 422 naming the parameter, never a 404 or a 500. */
public final class QueryParams {

    private QueryParams() {
    }

    public static <E extends Enum<E>> E enumValue(String name, String value, Class<E> type) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Enum.valueOf(type, value.trim());
        } catch (IllegalArgumentException e) {
            throw ProblemException.invalid(name, "must be one of " + Arrays.stream(type.getEnumConstants())
                    .map(Enum::name).collect(Collectors.joining(", ", "[", "]")));
        }
    }

    public static UUID uuid(String name, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return UUID.fromString(value.trim());
        } catch (IllegalArgumentException e) {
            throw ProblemException.invalid(name, "must be a UUID");
        }
    }

    public static Boolean bool(String name, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        return switch (value.trim()) {
            case "true" -> true;
            case "false" -> false;
            default -> throw ProblemException.invalid(name, "must be true or false");
        };
    }

    public static String text(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }
}
