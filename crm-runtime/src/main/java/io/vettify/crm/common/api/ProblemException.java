package io.vettify.crm.common.api;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

/** A failure the API reports to the caller as problem+json; services throw it through the factories below. */
public class ProblemException extends RuntimeException {

    private final transient Problem problem;
    private final transient Duration retryAfter;

    public ProblemException(Problem problem) {
        this(problem, null);
    }

    private ProblemException(Problem problem, Duration retryAfter) {
        super(problem.detail(), null, false, false);
        this.problem = problem;
        this.retryAfter = retryAfter;
    }

    public Problem problem() {
        return problem;
    }

    /** When the caller may try again (the {@code Retry-After} header), for a rate limit. */
    public Optional<Duration> retryAfter() {
        return Optional.ofNullable(retryAfter);
    }

    public static ProblemException tooManyRequests(String detail, Duration retryAfter) {
        return new ProblemException(Problem.of(ProblemType.TOO_MANY_REQUESTS, detail), retryAfter);
    }

    public static ProblemException unauthenticated(String detail) {
        return new ProblemException(Problem.of(ProblemType.UNAUTHENTICATED, detail));
    }

    public static ProblemException notFound(String resource, Object id) {
        return new ProblemException(Problem.of(ProblemType.NOT_FOUND, resource + " " + id + " does not exist"));
    }

    public static ProblemException conflict(String detail) {
        return new ProblemException(Problem.of(ProblemType.CONFLICT, detail));
    }

    public static ProblemException badRequest(String detail) {
        return new ProblemException(Problem.of(ProblemType.MALFORMED_REQUEST, detail));
    }

    public static ProblemException invalid(String field, String message) {
        return invalid(List.of(new Problem.FieldError(field, message)));
    }

    public static ProblemException invalid(List<Problem.FieldError> errors) {
        return new ProblemException(Problem.validation("the request has invalid fields", errors));
    }
}
