package io.vettify.crm.common.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import io.quarkus.security.AuthenticationCompletionException;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import io.quarkus.security.identity.SecurityIdentity;
import io.vettify.crm.security.TenantClaimsAugmentor;
import jakarta.inject.Inject;
import jakarta.persistence.OptimisticLockException;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.sql.SQLException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.hibernate.StaleStateException;
import org.hibernate.exception.JDBCConnectionException;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * The one error mapper: every failure leaves the API as RFC 9457 problem+json. Bad input never becomes a 5xx,
 * and no stack trace or SQL reaches the caller; unexpected failures are logged with an id the caller sees.
 */
public class ProblemMappers {

    private static final Logger LOG = Logger.getLogger(ProblemMappers.class);

    @Inject
    SecurityIdentity identity;

    @ServerExceptionMapper
    public Response problem(ProblemException e) {
        Response.ResponseBuilder response = Response.status(e.problem().status()).type(Problem.MEDIA_TYPE)
                .entity(e.problem());
        // Whole seconds, rounded up: a client that waits that long finds a token again.
        e.retryAfter().ifPresent(wait -> response.header(HttpHeaders.RETRY_AFTER,
                Math.max(1, (wait.toMillis() + 999) / 1000)));
        return response.build();
    }

    @ServerExceptionMapper
    public Response beanValidation(ConstraintViolationException e) {
        List<Problem.FieldError> errors = new ArrayList<>();
        for (ConstraintViolation<?> violation : e.getConstraintViolations()) {
            String field = fieldOf(violation.getPropertyPath());
            if (field.isEmpty()) {
                return respond(Problem.of(ProblemType.MALFORMED_REQUEST, "a JSON request body is required"));
            }
            errors.add(new Problem.FieldError(field, violation.getMessage()));
        }
        errors.sort(Comparator.comparing(Problem.FieldError::field));
        return respond(Problem.validation("the request has invalid fields", errors));
    }

    @ServerExceptionMapper
    public Response json(JsonProcessingException e) {
        return respond(jsonProblem(e));
    }

    /**
     * Mappers are chosen by the closest exception type: without this one, quarkus-rest-jackson's own mapper for
     * {@link MismatchedInputException} (unknown field, wrong enum value, wrong type) would answer a plain 400.
     */
    @ServerExceptionMapper
    public Response mismatchedInput(MismatchedInputException e) {
        return respond(jsonProblem(e));
    }

    @ServerExceptionMapper
    public Response unauthenticated(UnauthorizedException e) {
        return unauthenticated();
    }

    @ServerExceptionMapper
    public Response authenticationFailed(AuthenticationFailedException e) {
        return unauthenticated();
    }

    @ServerExceptionMapper
    public Response authenticationIncomplete(AuthenticationCompletionException e) {
        return unauthenticated();
    }

    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e) {
        String denial = identity == null ? null : identity.getAttribute(TenantClaimsAugmentor.DENIAL_ATTRIBUTE);
        return respond(Problem.of(ProblemType.FORBIDDEN,
                denial != null ? denial : "the token lacks the scope this operation requires"));
    }

    @ServerExceptionMapper
    public Response web(WebApplicationException e) {
        if (e.getCause() instanceof JsonProcessingException json) {
            return respond(jsonProblem(json));
        }
        int status = e.getResponse().getStatus();
        ProblemType type = ProblemType.forStatus(status);
        String detail = switch (type) {
            case NOT_FOUND -> "no such resource";
            case METHOD_NOT_ALLOWED -> "this method is not allowed on this resource";
            case UNSUPPORTED_MEDIA_TYPE -> "send the body as application/json (a file upload as multipart/form-data)";
            case NOT_ACCEPTABLE -> "this resource answers application/json";
            default -> status >= 500 ? "the request could not be processed" : "the request is malformed";
        };
        if (status >= 500) {
            return unexpected(e);
        }
        return respond(Problem.of(type, status, detail));
    }

    @ServerExceptionMapper
    public Response unexpected(Throwable e) {
        for (Throwable cause : causesOf(e)) {
            if (cause instanceof ProblemException problem) {
                return problem(problem);
            }
            if (databaseUnavailable(cause)) {
                LOG.warnf("database unavailable: %s", cause.getMessage());
                return Response.status(503).type(Problem.MEDIA_TYPE).header(HttpHeaders.RETRY_AFTER, "5")
                        .entity(Problem.of(ProblemType.UNAVAILABLE, "the database is unavailable; retry shortly"))
                        .build();
            }
            if (unreadableMultipart(cause)) {
                return respond(Problem.of(ProblemType.MALFORMED_REQUEST,
                        "the multipart/form-data body is malformed or incomplete"));
            }
            if (cause instanceof OptimisticLockException || cause instanceof StaleStateException) {
                return respond(Problem.of(ProblemType.CONFLICT,
                        "the resource was changed by someone else; reload it and apply your change to the new version"));
            }
            if (cause instanceof SQLException sql && sql.getSQLState() != null) {
                Problem problem = sqlProblem(sql.getSQLState());
                if (problem != null) {
                    return respond(problem);
                }
            }
        }
        String errorId = UUID.randomUUID().toString();
        LOG.errorf(e, "unexpected failure %s", errorId);
        return respond(Problem.of(ProblemType.INTERNAL, "an unexpected error occurred; error id " + errorId));
    }

    /**
     * The exception, its causes and what they suppressed, nearest first. A commit that failed reaches us as the
     * transaction manager's RollbackException with the database's error only among its suppressed exceptions.
     */
    private static List<Throwable> causesOf(Throwable e) {
        List<Throwable> causes = new ArrayList<>();
        Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        Deque<Throwable> pending = new ArrayDeque<>(List.of(e));
        while (!pending.isEmpty()) {
            Throwable next = pending.removeFirst();
            if (seen.add(next)) {
                causes.add(next);
                if (next.getCause() != null) {
                    pending.addLast(next.getCause());
                }
                pending.addAll(Arrays.asList(next.getSuppressed()));
            }
        }
        return causes;
    }

    /** The request's multipart body could not be parsed (no parts, a bad part header, cut short): the client's fault. */
    private static boolean unreadableMultipart(Throwable cause) {
        boolean parseFailure = cause instanceof IOException
                || cause.getClass().getName().endsWith("MultipartParser$MalformedMessageException");
        return parseFailure && Arrays.stream(cause.getStackTrace())
                .anyMatch(frame -> frame.getClassName().startsWith("org.jboss.resteasy.reactive.server.core.multipart."));
    }

    /**
     * The database cannot serve the request now (restarting, unreachable, or no pooled connection within the
     * acquisition timeout): the client may retry, so 503, never 500.
     */
    private static boolean databaseUnavailable(Throwable cause) {
        if (cause instanceof JDBCConnectionException) {
            return true;
        }
        if (cause instanceof SQLException sql) {
            String state = sql.getSQLState();
            if (state == null) {
                // Agroal's pool reports a connection it could not hand out in time without an SQL state
                return sql.getMessage() != null && sql.getMessage().contains("acquisition timeout");
            }
            // 08: connection exception; 57P01-57P03: administrator/crash shutdown, cannot connect now; 53300: too many connections
            return state.startsWith("08") || state.startsWith("57P") || state.equals("53300");
        }
        return false;
    }

    private static Problem sqlProblem(String sqlState) {
        return switch (sqlState) {
            case "23505" -> Problem.of(ProblemType.CONFLICT, "a resource with the same unique value already exists");
            case "23503" -> Problem.of(ProblemType.CONFLICT, "the resource is referenced by other resources or references one that does not exist");
            case "23514", "22001", "22003" -> Problem.of(ProblemType.VALIDATION, "a value is out of its allowed range");
            // 22021/22P05: PostgreSQL cannot hold the text (the NUL character U+0000 is the one JSON and URLs can carry)
            case "22021", "22P05" -> Problem.of(ProblemType.VALIDATION, "a text value contains a character that cannot be"
                    + " stored or searched (such as U+0000)");
            case "42501" -> Problem.of(ProblemType.FORBIDDEN, "the change is outside your tenant or warehouse");
            case "40001", "40P01" -> Problem.of(ProblemType.CONFLICT, "a concurrent change conflicted with this one; retry");
            default -> null;
        };
    }

    static Problem jsonProblem(JsonProcessingException e) {
        if (e instanceof UnrecognizedPropertyException unknown) {
            return Problem.validation("the request has invalid fields",
                    List.of(new Problem.FieldError(pathOf(unknown), "unknown field")));
        }
        if (e instanceof MismatchedInputException mismatch && !mismatch.getPath().isEmpty()) {
            String expected = mismatch.getTargetType() == null ? "another type"
                    : mismatch.getTargetType().isEnum() ? "one of " + enumValues(mismatch.getTargetType())
                    : "a value of type " + simpleType(mismatch.getTargetType());
            return Problem.validation("the request has invalid fields",
                    List.of(new Problem.FieldError(pathOf(mismatch), "must be " + expected)));
        }
        return Problem.of(ProblemType.MALFORMED_REQUEST, "the body is not valid JSON for this resource");
    }

    private static String enumValues(Class<?> type) {
        return java.util.Arrays.stream(type.getEnumConstants()).map(Object::toString)
                .collect(Collectors.joining(", ", "[", "]"));
    }

    private static String simpleType(Class<?> type) {
        if (Number.class.isAssignableFrom(type) || (type.isPrimitive() && type != boolean.class)) {
            return "number";
        }
        if (type == Boolean.class || type == boolean.class) {
            return "boolean";
        }
        if (type == String.class) {
            return "string";
        }
        if (java.util.Collection.class.isAssignableFrom(type)) {
            return "array";
        }
        if (type.getName().startsWith("java.time")) {
            return "ISO-8601 " + type.getSimpleName();
        }
        return type == UUID.class ? "UUID" : "object";
    }

    private static String pathOf(JsonMappingException e) {
        StringBuilder path = new StringBuilder();
        for (JsonMappingException.Reference reference : e.getPath()) {
            if (reference.getFieldName() != null) {
                if (!path.isEmpty()) {
                    path.append('.');
                }
                path.append(reference.getFieldName());
            } else if (reference.getIndex() >= 0) {
                path.append('[').append(reference.getIndex()).append(']');
            }
        }
        return path.toString();
    }

    /** The property path without the method and parameter nodes, e.g. {@code create.request.name} → {@code name}. */
    private static String fieldOf(Path path) {
        StringBuilder field = new StringBuilder();
        for (Path.Node node : path) {
            if (node.getKind() == ElementKind.METHOD || node.getKind() == ElementKind.PARAMETER
                    || node.getKind() == ElementKind.RETURN_VALUE) {
                continue;
            }
            if (!field.isEmpty()) {
                field.append('.');
            }
            field.append(node.getName());
        }
        return field.toString();
    }

    private static Response unauthenticated() {
        return Response.status(401)
                .type(Problem.MEDIA_TYPE)
                .header(HttpHeaders.WWW_AUTHENTICATE, "Bearer")
                .entity(Problem.of(ProblemType.UNAUTHENTICATED, "a valid bearer token is required"))
                .build();
    }

    private static Response respond(Problem problem) {
        return Response.status(problem.status()).type(Problem.MEDIA_TYPE).entity(problem).build();
    }
}
