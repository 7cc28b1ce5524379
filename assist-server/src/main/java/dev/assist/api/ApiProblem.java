package dev.assist.api;

import java.util.Map;

/**
 * A request the API refuses, with the status, a stable problem kind and a detail a person can act
 * on. Handlers throw it; {@link ProblemResponses} turns it into {@code application/problem+json}.
 */
public final class ApiProblem extends RuntimeException {
    private final int status;
    private final String kind;
    private final String title;
    private final Map<String, String> headers;

    public ApiProblem(int status, String kind, String title, String detail, Map<String, String> headers) {
        super(detail, null, false, false);
        this.status = status;
        this.kind = kind;
        this.title = title;
        this.headers = Map.copyOf(headers);
    }

    public ApiProblem(int status, String kind, String title, String detail) {
        this(status, kind, title, detail, Map.of());
    }

    public static ApiProblem badRequest(String kind, String detail) {
        return new ApiProblem(400, kind, "Bad request", detail);
    }

    /** No credentials: the challenge names the scheme only (RFC 6750, section 3). */
    public static ApiProblem unauthorized(String detail) {
        return new ApiProblem(401, "unauthorized", "Unauthorized", detail,
                Map.of("WWW-Authenticate", "Bearer realm=\"assist\""));
    }

    /** Credentials that are not a valid key. */
    public static ApiProblem invalidKey(String detail) {
        return new ApiProblem(401, "unauthorized", "Unauthorized", detail,
                Map.of("WWW-Authenticate", "Bearer realm=\"assist\", error=\"invalid_token\""));
    }

    public static ApiProblem forbidden(String detail) {
        return new ApiProblem(403, "forbidden", "Forbidden", detail);
    }

    public static ApiProblem notFound(String kind, String detail) {
        return new ApiProblem(404, kind, "Not found", detail);
    }

    public static ApiProblem contentTooLarge(String detail) {
        return new ApiProblem(413, "body-too-large", "Content too large", detail);
    }

    public static ApiProblem unsupportedMediaType(String detail) {
        return new ApiProblem(415, "unsupported-media-type", "Unsupported media type", detail);
    }

    public static ApiProblem notReady(String detail) {
        return new ApiProblem(503, "not-ready", "Service unavailable", detail, Map.of("Retry-After", "5"));
    }

    public int status() {
        return status;
    }

    public String kind() {
        return kind;
    }

    public String title() {
        return title;
    }

    public String detail() {
        return getMessage();
    }

    public Map<String, String> headers() {
        return headers;
    }
}
