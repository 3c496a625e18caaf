package io.vettify.crm.common.api;

import java.util.List;

/** A failure the API reports to the caller as problem+json; services throw it through the factories below. */
public class ProblemException extends RuntimeException {

    private final transient Problem problem;

    public ProblemException(Problem problem) {
        super(problem.detail(), null, false, false);
        this.problem = problem;
    }

    public Problem problem() {
        return problem;
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
