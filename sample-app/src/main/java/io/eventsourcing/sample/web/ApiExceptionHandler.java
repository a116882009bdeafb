package io.eventsourcing.sample.web;

import io.eventsourcing.domain.EntityIsDiscardedException;
import io.eventsourcing.infrastructure.EntityNotFoundException;
import io.eventsourcing.sample.application.UnexpectedVersionException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.validation.FieldError;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import tools.jackson.core.JacksonException;

/**
 * Turns failures into RFC 9457 problem details: 404 for an entity that is missing or discarded, 409 for
 * a stale expected version or a write that lost a race at the store, 400 naming what is wrong with a
 * request. Spring MVC's own exceptions (a malformed UUID in the path, an unsupported media type) get
 * their standard problem details from the superclass.
 */
@RestControllerAdvice
public class ApiExceptionHandler extends ResponseEntityExceptionHandler {

    @ExceptionHandler({EntityNotFoundException.class, EntityIsDiscardedException.class})
    ProblemDetail notFound(RuntimeException e) {
        return problem(HttpStatus.NOT_FOUND, "Not found", e.getMessage());
    }

    @ExceptionHandler
    ProblemDetail unexpectedVersion(UnexpectedVersionException e) {
        ProblemDetail problem = problem(HttpStatus.CONFLICT, "Version conflict", e.getMessage());
        problem.setProperty("expectedVersion", e.getExpectedVersion());
        problem.setProperty("actualVersion", e.getActualVersion());
        return problem;
    }

    /** A concurrent writer stored its change first (the library's {@code ConcurrencyException}). */
    @ExceptionHandler
    ProblemDetail concurrentChange(OptimisticLockingFailureException e) {
        logger.debug("A write lost a race at the store", e);
        return problem(HttpStatus.CONFLICT, "Concurrent change",
                "The entity was changed concurrently and nothing was stored; read it again and retry");
    }

    @Override
    protected @Nullable ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException e,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        ProblemDetail body = problem(status, "Unreadable request body", describe(e));
        return handleExceptionInternal(e, body, headers, status, request);
    }

    @Override
    protected @Nullable ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException e,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        Map<String, String> errors = e.getFieldErrors().stream().collect(Collectors.toMap(FieldError::getField,
                error -> String.valueOf(error.getDefaultMessage()), (first, second) -> first + "; " + second,
                LinkedHashMap::new));
        String detail = errors.entrySet().stream().map(error -> error.getKey() + ": " + error.getValue())
                .sorted().collect(Collectors.joining(", "));
        ProblemDetail body = problem(status, "Invalid request content", detail);
        body.setProperty("errors", errors);
        return handleExceptionInternal(e, body, headers, status, request);
    }

    /** What Jackson found wrong, and where; Spring's own message names handler methods, so it is not shown. */
    private static String describe(HttpMessageNotReadableException e) {
        for (Throwable cause = e.getCause(); cause != null; cause = cause.getCause()) {
            if (cause instanceof JacksonException json) {
                String path = json.getPath().stream()
                        .map(reference -> reference.getPropertyName() != null
                                ? reference.getPropertyName() : "[" + reference.getIndex() + "]")
                        .collect(Collectors.joining("."));
                return (path.isEmpty() ? "" : "Field '" + path + "': ") + json.getOriginalMessage();
            }
        }
        String message = String.valueOf(e.getMessage());
        return message.startsWith("Required request body is missing") ? "Required request body is missing"
                : "The request body cannot be read";
    }

    private static ProblemDetail problem(HttpStatusCode status, String title, @Nullable String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setTitle(title);
        return problem;
    }
}
