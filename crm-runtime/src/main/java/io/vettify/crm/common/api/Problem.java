package io.vettify.crm.common.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/** RFC 9457 problem details; {@code errors} lists the offending fields of a validation problem. */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record Problem(String type, String title, int status, String detail, List<FieldError> errors) {

    public static final String MEDIA_TYPE = "application/problem+json";
    private static final String TYPE_BASE = "https://vettify.io/problems/";

    public static Problem of(ProblemType type, String detail) {
        return of(type, type.status(), detail);
    }

    /** A problem of a type with the status actually answered (a type may stand for several 4xx statuses). */
    public static Problem of(ProblemType type, int status, String detail) {
        return new Problem(TYPE_BASE + type.slug(), type.title(), status, detail, List.of());
    }

    public static Problem validation(String detail, List<FieldError> errors) {
        ProblemType type = ProblemType.VALIDATION;
        return new Problem(TYPE_BASE + type.slug(), type.title(), type.status(), detail, List.copyOf(errors));
    }

    public record FieldError(String field, String message) {
    }
}
