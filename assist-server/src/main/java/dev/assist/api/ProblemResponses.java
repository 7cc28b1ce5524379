package dev.assist.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import io.javalin.http.HttpStatus;
import io.javalin.http.MethodNotAllowedResponse;
import io.javalin.http.NotFoundResponse;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one place errors become responses: every exception a route, a filter or Javalin itself
 * throws is answered with {@code application/problem+json}. Unexpected failures are logged with a
 * reference the client sees; their message and stack trace never leave the server.
 */
public final class ProblemResponses {
    public static final String CONTENT_TYPE = "application/problem+json";
    private static final Logger LOG = LoggerFactory.getLogger(ProblemResponses.class);

    private final ObjectMapper json;

    public ProblemResponses(ObjectMapper json) {
        this.json = json;
    }

    public void register(JavalinConfig config) {
        // Javalin answers its own HttpResponseExceptions (404, 405, 413) unless a handler is registered for them.
        config.routes.exception(HttpResponseException.class, (e, ctx) -> respond(ctx, fromJavalin(e, ctx)));
        config.routes.exception(Exception.class, (e, ctx) -> respond(ctx, toProblem(e, ctx.path())));
        config.router.javaLangErrorHandler(this::respondToError);
    }

    /** The problem a failure is reported as, for a response or for an {@code error} event of a stream. */
    public ApiProblem toProblem(Throwable e, String path) {
        if (e instanceof java.util.concurrent.CompletionException && e.getCause() != null) {
            return toProblem(e.getCause(), path);
        }
        if (e instanceof ApiProblem problem) {
            return problem;
        }
        if (e instanceof HttpResponseException http) {
            return generic(http.getStatus(), http.getMessage());
        }
        String reference = UUID.randomUUID().toString();
        LOG.error("unexpected failure on {} (reference {})", path, reference, e);
        return new ApiProblem(500, "internal-error", "Internal server error",
                "the server failed to handle this request; the operators can find it in the log under reference " + reference);
    }

    public Problem body(ApiProblem problem, String path) {
        return new Problem("urn:assist:problem:" + problem.kind(), problem.title(), problem.status(), problem.detail(), path);
    }

    private ApiProblem fromJavalin(HttpResponseException e, Context ctx) {
        if (e instanceof NotFoundResponse) {
            return ApiProblem.notFound("not-found", "there is no " + ctx.method().name() + " " + ctx.path()
                    + "; the routes are listed in /openapi.json");
        }
        if (e instanceof MethodNotAllowedResponse) {
            String allowed = e.getDetails().values().stream()
                    .flatMap(value -> java.util.Arrays.stream(value.split(",")))
                    .map(String::strip).filter(m -> !m.isEmpty()).distinct()
                    .collect(Collectors.joining(", "));
            return new ApiProblem(405, "method-not-allowed", "Method not allowed", ctx.method().name() + " is not allowed on "
                    + ctx.path() + (allowed.isEmpty() ? "" : "; allowed: " + allowed),
                    allowed.isEmpty() ? Map.of() : Map.of("Allow", allowed));
        }
        if (e.getStatus() == 413) {
            return ApiProblem.contentTooLarge("the request body is too large");
        }
        return generic(e.getStatus(), e.getMessage());
    }

    private static ApiProblem generic(int status, String message) {
        String title = HttpStatus.forStatus(status).getMessage();
        String slug = title.toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("(^-|-$)", "");
        return new ApiProblem(status, slug.isEmpty() ? "http-" + status : slug, title,
                message == null || message.isBlank() ? title : message);
    }

    private void respond(Context ctx, ApiProblem problem) {
        ctx.status(problem.status());
        problem.headers().forEach(ctx::header);
        ctx.contentType(CONTENT_TYPE);
        ctx.result(serialize(body(problem, ctx.path())));
    }

    /** Errors (stack overflow, out of memory) bypass the exception handlers; answer them in the same format. */
    private void respondToError(HttpServletResponse res, Error error) {
        ApiProblem problem = toProblem(new IllegalStateException("JVM error", error), "(unknown path)");
        if (res.isCommitted()) {
            return;
        }
        try {
            res.resetBuffer();
            res.setStatus(500);
            res.setContentType(CONTENT_TYPE);
            res.getOutputStream().write(serialize(body(problem, null)).getBytes(StandardCharsets.UTF_8));
        } catch (IOException | IllegalStateException ignored) {
            // the client is gone; the failure itself is logged
        }
    }

    String serialize(Problem problem) {
        try {
            return json.writeValueAsString(problem);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a problem document always serializes", e);
        }
    }
}
