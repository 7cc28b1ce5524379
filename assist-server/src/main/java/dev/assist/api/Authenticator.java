package dev.assist.api;

import dev.assist.auth.ApiKey;
import dev.assist.auth.ApiKeys;
import io.javalin.http.Context;
import io.javalin.security.RouteRole;

/**
 * Runs before every matched route: public routes (no {@link Access} tag) pass; the others need
 * {@code Authorization: Bearer <key>} with a key whose scope the route allows (401, 403 otherwise).
 * The caller's tenant and scope are then on the context for the handler.
 */
final class Authenticator {
    static final String CALLER = "assist.caller";
    private static final String BEARER = "Bearer ";

    private final ApiKeys keys;

    Authenticator(ApiKeys keys) {
        this.keys = keys;
    }

    void authorize(Context ctx) {
        Access access = access(ctx);
        if (access == null) {
            return;
        }
        ApiKey caller = keys.authenticate(bearer(ctx))
                .orElseThrow(() -> ApiProblem.invalidKey("the API key is not valid"));
        if (!access.allows(caller.scope())) {
            throw ApiProblem.forbidden(ctx.method().name() + " " + ctx.path() + " needs "
                    + access.description() + "; this key has scope " + caller.scope().wireName());
        }
        ctx.attribute(CALLER, caller);
    }

    /** The authenticated caller of a protected route. */
    static ApiKey caller(Context ctx) {
        ApiKey caller = ctx.attribute(CALLER);
        if (caller == null) {
            throw new IllegalStateException("route " + ctx.path() + " is not tagged with an Access level");
        }
        return caller;
    }

    private static Access access(Context ctx) {
        for (RouteRole role : ctx.routeRoles()) {
            if (role instanceof Access access) {
                return access;
            }
        }
        return null;
    }

    private static String bearer(Context ctx) {
        String header = ctx.header("Authorization");
        if (header == null || header.isBlank()) {
            throw ApiProblem.unauthorized("send an API key: Authorization: Bearer <key>");
        }
        if (header.length() <= BEARER.length() || !header.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            throw ApiProblem.invalidKey("the Authorization header must be 'Bearer <key>'");
        }
        return header.substring(BEARER.length()).strip();
    }
}
