package io.eventsourcing.sample.web;

import io.eventsourcing.domain.EntityIsDiscardedException;
import io.eventsourcing.infrastructure.DataIntegrityException;
import io.eventsourcing.infrastructure.EntityNotFoundException;
import io.eventsourcing.infrastructure.StoreException;
import io.eventsourcing.infrastructure.StoreUnavailableException;
import io.eventsourcing.infrastructure.codec.EventTooLargeException;
import io.eventsourcing.infrastructure.shredding.DataSubjectForgottenException;
import io.eventsourcing.infrastructure.shredding.PersonalDataErasedException;
import io.eventsourcing.sample.application.ErasureUnavailableException;
import io.eventsourcing.sample.application.ExampleNotListedException;
import io.eventsourcing.sample.application.UnexpectedVersionException;
import io.eventsourcing.sample.domain.NotFoundException;
import io.eventsourcing.sample.domain.SubscriptionRefusedException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.springframework.dao.DataAccessResourceFailureException;
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
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * Turns failures into RFC 9457 problem details that name what was wrong and never how the server is built (no
 * stack trace, SQL or Java type): 404 for an entity that is missing, discarded or of another type, or a course or
 * student that is not there, 410 for an entity whose personal data was erased, 409 for a stale expected version,
 * a write that lost a race at the store, or a subscription that the rules refuse (with its reason), 400 naming
 * what is wrong with a request (a field of its body, or a parameter such as a page's {@code limit} or
 * {@code after}), 413 for a request or event too large, 501 for personal data to erase where crypto-shredding is
 * off, 503 with Retry-After when the store or the database is unavailable or the store failed, 500 for stored
 * data that cannot be read. Spring MVC's own exceptions (an unacceptable Accept header, an unsupported content
 * type, a malformed UUID in the path or a parameter) get their standard problem details from the superclass.
 */
@RestControllerAdvice
public class ApiExceptionHandler extends ResponseEntityExceptionHandler {

    /** Seconds a client should wait before it retries a request that the store could not serve. */
    static final String RETRY_AFTER_SECONDS = "5";

    @ExceptionHandler({EntityNotFoundException.class, EntityIsDiscardedException.class, NotFoundException.class})
    ProblemDetail notFound(RuntimeException e) {
        return problem(HttpStatus.NOT_FOUND, "Not found", e.getMessage());
    }

    /** The entity was read after its personal data was erased. */
    @ExceptionHandler
    ProblemDetail erased(PersonalDataErasedException e) {
        return gone(e.getSubjectId());
    }

    /** The entity was changed as its personal data was being erased: the change was not stored. */
    @ExceptionHandler
    ProblemDetail forgotten(DataSubjectForgottenException e) {
        return gone(e.getSubjectId());
    }

    @ExceptionHandler
    ProblemDetail erasureUnavailable(ErasureUnavailableException e) {
        return problem(HttpStatus.NOT_IMPLEMENTED, "Erasure unavailable", "This server does not store personal data"
                + " under keys of its own, and cannot erase it; nothing was changed");
    }

    @ExceptionHandler
    ProblemDetail unexpectedVersion(UnexpectedVersionException e) {
        ProblemDetail problem = problem(HttpStatus.CONFLICT, "Version conflict", e.getMessage());
        problem.setProperty("expectedVersion", e.getExpectedVersion());
        problem.setProperty("actualVersion", e.getActualVersion());
        return problem;
    }

    /** The course is full, the student has all the courses a student may have, or is subscribed already. */
    @ExceptionHandler
    ProblemDetail subscriptionRefused(SubscriptionRefusedException e) {
        ProblemDetail problem = problem(HttpStatus.CONFLICT, "Subscription refused", e.getMessage());
        problem.setProperty("reason", e.getReason());
        return problem;
    }

    /** A concurrent writer stored its change first (the library's {@code ConcurrencyException}). */
    @ExceptionHandler
    ProblemDetail concurrentChange(OptimisticLockingFailureException e) {
        logger.debug("A write lost a race at the store", e);
        return problem(HttpStatus.CONFLICT, "Concurrent change",
                "The entity was changed concurrently and nothing was stored; read it again and retry");
    }

    /** The {@code after} of a page of the list names no example of it. */
    @ExceptionHandler
    ProblemDetail notListed(ExampleNotListedException e) {
        return invalid(HttpStatus.BAD_REQUEST, "Invalid request parameter", Map.of("after",
                "names no example of the list"));
    }

    @ExceptionHandler
    ProblemDetail eventTooLarge(EventTooLargeException e) {
        return problem(HttpStatus.CONTENT_TOO_LARGE, "Event too large", "The change would store an event of "
                + e.getSize() + " bytes, more than the " + e.getMaxSize() + " an event may have; nothing was stored");
    }

    @ExceptionHandler
    ResponseEntity<ProblemDetail> storeUnavailable(StoreUnavailableException e) {
        logger.warn("The event store is unavailable: " + e.getMessage());
        return retryLater(problem(HttpStatus.SERVICE_UNAVAILABLE, "Store unavailable",
                "The event store cannot be reached; nothing was done. Retry later"));
    }

    /** The database cannot be reached by a read that goes to it directly, such as that of the list of examples. */
    @ExceptionHandler
    ResponseEntity<ProblemDetail> databaseUnavailable(DataAccessResourceFailureException e) {
        logger.warn("The database is unavailable: " + e.getMessage());
        return retryLater(problem(HttpStatus.SERVICE_UNAVAILABLE, "Database unavailable",
                "The database cannot be reached. Retry later"));
    }

    /** The store failed in the middle of a request: a change may or may not have been stored. */
    @ExceptionHandler
    ResponseEntity<ProblemDetail> storeFailed(StoreException e) {
        logger.error("The event store failed", e);
        return retryLater(problem(HttpStatus.SERVICE_UNAVAILABLE, "Store failed",
                "The event store failed during the request; read the entity before you retry a change"));
    }

    @ExceptionHandler
    ProblemDetail unreadable(DataIntegrityException e) {
        logger.error("Stored data cannot be read", e);
        return problem(HttpStatus.INTERNAL_SERVER_ERROR, "Stored data unreadable",
                "The stored events of this entity cannot be read; the operators have been told");
    }

    @Override
    protected @Nullable ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException e,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        if (causedBy(e, RequestTooLargeException.class) != null) {
            ProblemDetail body = problem(HttpStatus.CONTENT_TOO_LARGE, "Request too large",
                    causedBy(e, RequestTooLargeException.class).getMessage());
            return handleExceptionInternal(e, body, headers, HttpStatus.CONTENT_TOO_LARGE, request);
        }
        ProblemDetail body = problem(status, "Unreadable request body", RequestBodyProblems.describe(e));
        return handleExceptionInternal(e, body, headers, status, request);
    }

    @Override
    protected @Nullable ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException e,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        Map<String, String> errors = e.getFieldErrors().stream().collect(Collectors.toMap(FieldError::getField,
                error -> String.valueOf(error.getDefaultMessage()), (first, second) -> first + "; " + second,
                LinkedHashMap::new));
        return handleExceptionInternal(e, invalid(status, "Invalid request content", errors), headers, status,
                request);
    }

    /** A request parameter breaks its constraint, such as a page's {@code limit} out of range. */
    @Override
    protected @Nullable ResponseEntity<Object> handleHandlerMethodValidationException(
            HandlerMethodValidationException e, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        Map<String, String> errors = new LinkedHashMap<>();
        e.getParameterValidationResults().forEach(result -> errors.put(
                String.valueOf(result.getMethodParameter().getParameterName()), result.getResolvableErrors().stream()
                        .map(error -> String.valueOf(error.getDefaultMessage())).collect(Collectors.joining("; "))));
        return handleExceptionInternal(e, invalid(status, "Invalid request parameter", errors), headers, status,
                request);
    }

    /** A problem naming each invalid field or parameter with what is wrong with it, in its detail and its errors. */
    private static ProblemDetail invalid(HttpStatusCode status, String title, Map<String, String> errors) {
        String detail = errors.entrySet().stream().map(error -> error.getKey() + ": " + error.getValue())
                .sorted().collect(Collectors.joining(", "));
        ProblemDetail problem = problem(status, title, detail);
        problem.setProperty("errors", errors);
        return problem;
    }

    private static ProblemDetail gone(UUID id) {
        return problem(HttpStatus.GONE, "Personal data erased", "The personal data of " + id + " was erased for good:"
                + " it can no longer be read or changed");
    }

    private static ResponseEntity<ProblemDetail> retryLater(ProblemDetail problem) {
        return ResponseEntity.status(problem.getStatus()).header(HttpHeaders.RETRY_AFTER, RETRY_AFTER_SECONDS)
                .body(problem);
    }

    private static <T extends Throwable> @Nullable T causedBy(Throwable e, Class<T> type) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (type.isInstance(cause)) {
                return type.cast(cause);
            }
        }
        return null;
    }

    private static ProblemDetail problem(HttpStatusCode status, String title, @Nullable String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setTitle(title);
        return problem;
    }
}
