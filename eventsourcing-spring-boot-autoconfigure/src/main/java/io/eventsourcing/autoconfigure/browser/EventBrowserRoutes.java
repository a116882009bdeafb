package io.eventsourcing.autoconfigure.browser;

import io.eventsourcing.infrastructure.StoreUnavailableException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.io.ClassPathResource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.web.servlet.function.RouterFunction;
import org.springframework.web.servlet.function.RouterFunctions;
import org.springframework.web.servlet.function.ServerRequest;
import org.springframework.web.servlet.function.ServerResponse;

/**
 * The event browser's HTTP side, read-only: its page at the path and a {@code /} (the path alone redirects there, so
 * that the page's relative links resolve below it), its script and styles beside, and its JSON below:
 * {@code api/sequences/{id}?after=&limit=}, {@code api/log?after=&limit=}, {@code api/projections}. A bad parameter
 * is answered 400, a store that cannot be reached 503, anything else 500: problem details that name the parameter
 * or say what happened, never a class, SQL or stack trace.
 */
final class EventBrowserRoutes {

    static final int DEFAULT_LIMIT = 20;
    static final int MAX_LIMIT = 100;

    private static final Logger log = LoggerFactory.getLogger(EventBrowserRoutes.class);
    private static final Pattern UUID_TEXT = Pattern.compile(
            "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");
    private static final Pattern WHOLE_NUMBER = Pattern.compile("[0-9]{1,18}");
    /** The page's own script and styles only: nothing inline runs, nothing is loaded from elsewhere. */
    private static final String CONTENT_SECURITY_POLICY = "default-src 'self'; style-src 'self'; "
            + "frame-ancestors 'none'";

    private final EventBrowser browser;
    private final String path;
    private final String page;
    private final String script;
    private final String styles;

    /** @param path where the page is served: {@code /} and segments, without a trailing {@code /} */
    EventBrowserRoutes(EventBrowser browser, String path) {
        this.browser = Objects.requireNonNull(browser, "browser");
        this.path = Objects.requireNonNull(path, "path");
        this.page = resource("event-browser.html");
        this.script = resource("event-browser.js");
        this.styles = resource("event-browser.css");
    }

    RouterFunction<ServerResponse> routes() {
        return RouterFunctions.route()
                .GET(path, request -> ServerResponse.status(HttpStatus.FOUND)
                        .location(request.uriBuilder().path("/").build()).build())
                .GET(path + "/", request -> text(page, MediaType.TEXT_HTML))
                .GET(path + "/event-browser.js", request -> text(script, MediaType.valueOf("text/javascript")))
                .GET(path + "/event-browser.css", request -> text(styles, MediaType.valueOf("text/css")))
                .GET(path + "/api/sequences/{id}", this::sequence)
                .GET(path + "/api/log", this::log)
                .GET(path + "/api/projections", request -> json(browser.projections()))
                .onError(RuntimeException.class, (e, request) -> failure(e))
                .build();
    }

    private static ServerResponse failure(Throwable e) {
        if (e instanceof InvalidParameterException) {
            return problem(HttpStatus.BAD_REQUEST, "Invalid request parameter", e.getMessage());
        }
        if (e instanceof StoreUnavailableException) {
            log.warn("The event browser cannot reach the store: {}", e.getMessage());
            return problem(HttpStatus.SERVICE_UNAVAILABLE, "Store unavailable",
                    "The event store cannot be reached. Retry later");
        }
        log.error("The event browser failed to read the store", e);
        return problem(HttpStatus.INTERNAL_SERVER_ERROR, "Store failed",
                "The event store failed to answer; the cause is in the application's log");
    }

    private ServerResponse sequence(ServerRequest request) {
        String id = request.pathVariable("id");
        if (!UUID_TEXT.matcher(id).matches()) {
            throw new InvalidParameterException("id: must be a UUID, such as 0b5d7a3e-2c8f-4e8a-9d6f-1a2b3c4d5e6f");
        }
        return json(browser.sequence(UUID.fromString(id), after(request), limit(request)));
    }

    private ServerResponse log(ServerRequest request) {
        return json(browser.log(after(request), limit(request)));
    }

    private static @Nullable Long after(ServerRequest request) {
        Optional<String> after = request.param("after");
        if (after.isEmpty()) {
            return null;
        }
        if (!WHOLE_NUMBER.matcher(after.get()).matches()) {
            throw new InvalidParameterException("after: must be a whole number, a position");
        }
        return Long.parseLong(after.get());
    }

    private static int limit(ServerRequest request) {
        Optional<String> limit = request.param("limit");
        if (limit.isEmpty()) {
            return DEFAULT_LIMIT;
        }
        if (!WHOLE_NUMBER.matcher(limit.get()).matches() || Long.parseLong(limit.get()) < 1
                || Long.parseLong(limit.get()) > MAX_LIMIT) {
            throw new InvalidParameterException("limit: must be a whole number from 1 to " + MAX_LIMIT);
        }
        return Integer.parseInt(limit.get());
    }

    private static ServerResponse text(String body, MediaType type) {
        return ServerResponse.ok().contentType(new MediaType(type, StandardCharsets.UTF_8))
                .header(HttpHeaders.CACHE_CONTROL, "no-store")
                .header("X-Content-Type-Options", "nosniff")
                .header("Content-Security-Policy", CONTENT_SECURITY_POLICY)
                .body(body);
    }

    private static ServerResponse json(Object body) {
        return ServerResponse.ok().contentType(MediaType.APPLICATION_JSON).header(HttpHeaders.CACHE_CONTROL, "no-store")
                .body(body);
    }

    private static ServerResponse problem(HttpStatus status, String title, @Nullable String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setTitle(title);
        ServerResponse.BodyBuilder response = ServerResponse.status(status)
                .contentType(MediaType.APPLICATION_PROBLEM_JSON);
        if (status == HttpStatus.SERVICE_UNAVAILABLE) {
            response.header(HttpHeaders.RETRY_AFTER, "5");
        }
        return response.body(problem);
    }

    private static String resource(String name) {
        try {
            return new ClassPathResource(name, EventBrowserRoutes.class).getContentAsString(StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("The event browser's " + name + " is missing from its jar", e);
        }
    }

    /** A request parameter that the browser cannot take; the message names it. */
    private static final class InvalidParameterException extends IllegalArgumentException {

        InvalidParameterException(String message) {
            super(message);
        }
    }
}
