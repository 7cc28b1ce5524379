package dev.assist.api;

import dev.assist.auth.ApiKey;
import dev.assist.knowledge.ArticleSubmission;
import dev.assist.knowledge.LiveIndex;
import dev.assist.source.Article;
import dev.assist.source.SourceFormatException;
import io.javalin.http.Context;
import java.io.IOException;
import java.util.regex.Pattern;

/**
 * {@code PUT} and {@code DELETE /v1/articles/{id}}: live updates of the caller's tenant. A written
 * article is committed and searchable before the response is sent.
 */
final class ArticlesHandler {
    private static final Pattern ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._:-]{0,199}");

    private final JsonBodies bodies;
    private final RequestRules rules;
    private final Readiness readiness;

    ArticlesHandler(JsonBodies bodies, RequestRules rules, Readiness readiness) {
        this.bodies = bodies;
        this.rules = rules;
        this.readiness = readiness;
    }

    void put(Context ctx) throws IOException {
        ApiKey caller = Authenticator.caller(ctx);
        String id = articleId(ctx);
        ArticleRequestBody body = bodies.read(ctx, ArticleRequestBody.class);
        rules.locale(body.locale(), "locale");
        Article article = read(caller, id, body);
        if (article.locale() == null || article.locale().isBlank()) {
            throw ApiProblem.badRequest("invalid-article", "locale is required, in the request or in the body's front matter");
        }
        rules.locale(article.locale(), "locale");
        LiveIndex index = writable();
        boolean existed = index.contains(caller.tenant(), id);
        int chunks = index.upsert(article);
        ctx.status(existed ? 200 : 201).json(new ArticleResponse(id, article.language(), article.visibility().wireName(),
                chunks, !existed));
    }

    void delete(Context ctx) throws IOException {
        ApiKey caller = Authenticator.caller(ctx);
        String id = articleId(ctx);
        if (!writable().delete(caller.tenant(), id)) {
            throw ApiProblem.notFound("article-not-found", "there is no article '" + id + "' in this tenant's index");
        }
        ctx.status(204);
    }

    private static Article read(ApiKey caller, String id, ArticleRequestBody body) {
        try {
            return ArticleSubmission.read(caller.tenant(), id, body.body(), ArticleSubmission.Format.parse(body.format()),
                    new ArticleSubmission.Fields(body.title(), body.locale(), body.visibility(), body.section(),
                            body.labels(), body.url(), body.updatedAt()));
        } catch (SourceFormatException e) {
            throw ApiProblem.badRequest("invalid-article", e.getMessage());
        }
    }

    private LiveIndex writable() {
        LiveIndex index = readiness.require().index();
        if (!index.writable()) {
            throw new ApiProblem(409, "index-read-only", "Conflict",
                    "this server opened the index read-only; live article updates need the server to own the index");
        }
        return index;
    }

    private static String articleId(Context ctx) {
        String id = ctx.pathParam("id");
        if (!ID.matcher(id).matches()) {
            throw ApiProblem.badRequest("invalid-article-id", "article ids are 1 to 200 letters, digits, '.', '_', ':' or '-', "
                    + "starting with a letter or digit");
        }
        return id;
    }
}
