package dev.assist.api;

import static dev.assist.api.TestServer.ADMIN;
import static dev.assist.api.TestServer.BOT;
import static dev.assist.api.TestServer.OTHER_AGENT;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Live updates: what an admin puts is searchable at once, what it deletes is gone, bad articles are refused. */
class ArticlesApiTest {
    @TempDir
    static Path dir;
    static TestServer server;

    @BeforeAll
    static void start() {
        server = TestServer.start(dir);
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private static Map<String, Object> article(String title, String body) {
        Map<String, Object> article = new HashMap<>();
        article.put("title", title);
        article.put("body", body);
        article.put("locale", "en");
        article.put("visibility", "public");
        article.put("section", "Hardware");
        article.put("labels", List.of("kiosk", "dock"));
        article.put("url", "https://help.lumora.example/en/articles/kiosk-quantum-dock");
        return article;
    }

    private static List<String> search(String key, String query) {
        return ArticleIds.in(server.post("/v1/search", key, Map.of("query", query)).json());
    }

    @Test
    void putArticleIsSearchableWithinASecondAndDeleteRemovesIt() {
        String body = "The Lumora quantum flux dock pairs with the Kiosk stand.\n\n## Pair the dock\n\n"
                + "1. Hold the flux button for three seconds.\n2. Wait until the zorblax light blinks green.\n";
        TestServer.Response created = server.put("/v1/articles/kiosk-quantum-dock", ADMIN, article("Pair the quantum flux dock", body));
        // Searched right after PUT returns, with no wait or retry: the update is visible by then.
        List<String> found = search(BOT, "zorblax light quantum flux dock");

        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        JsonNode written = created.json();
        assertThat(written.get("article_id").asText()).isEqualTo("kiosk-quantum-dock");
        assertThat(written.get("created").asBoolean()).isTrue();
        assertThat(written.get("chunks").asInt()).isPositive();
        assertThat(written.get("language").asText()).isEqualTo("en");
        assertThat(found).first().isEqualTo("kiosk-quantum-dock");

        TestServer.Response replaced = server.put("/v1/articles/kiosk-quantum-dock", ADMIN,
                article("Pair the quantum flux dock", body + "\n3. The dock hums a frobnicate tune when paired.\n"));
        assertThat(replaced.status()).isEqualTo(200);
        assertThat(replaced.json().get("created").asBoolean()).isFalse();
        assertThat(search(BOT, "frobnicate tune")).first().isEqualTo("kiosk-quantum-dock");

        TestServer.Response deleted = server.delete("/v1/articles/kiosk-quantum-dock", ADMIN);
        assertThat(deleted.status()).isEqualTo(204);
        assertThat(deleted.body()).isEmpty();
        assertThat(search(BOT, "zorblax light quantum flux dock")).doesNotContain("kiosk-quantum-dock");

        TestServer.Response again = server.delete("/v1/articles/kiosk-quantum-dock", ADMIN);
        assertThat(again.status()).isEqualTo(404);
        assertThat(again.json().get("type").asText()).isEqualTo("urn:assist:problem:article-not-found");
    }

    @Test
    void writtenArticleBelongsToTheAdminsTenantOnly() {
        server.put("/v1/articles/tenant-check", ADMIN, article("Snozzberry wallpaper", "Snozzberry wallpaper tastes like snozzberries."));

        assertThat(search(BOT, "snozzberry wallpaper")).contains("tenant-check");
        assertThat(search(OTHER_AGENT, "snozzberry wallpaper")).doesNotContain("tenant-check");
    }

    @Test
    void internalArticleIsHiddenFromBots() {
        Map<String, Object> internal = article("Wibblewobble escalation", "Wibblewobble cases go to the flumph queue.");
        internal.put("visibility", "internal");
        server.put("/v1/articles/internal-wibblewobble", ADMIN, internal);

        assertThat(search(BOT, "wibblewobble flumph queue")).doesNotContain("internal-wibblewobble");
        assertThat(search(ADMIN, "wibblewobble flumph queue")).contains("internal-wibblewobble");
    }

    @Test
    void markdownWithFrontMatterIsReadLikeAnArticleFile() {
        String file = "---\nid: frontmatter-article\ntitle: \"Gronkle polish\"\nlocale: en\nvisibility: public\n"
                + "labels: [gronkle]\n---\nPolish the gronkle with a soft cloth every week.\n";
        TestServer.Response response = server.put("/v1/articles/frontmatter-article", ADMIN, Map.of("body", file));

        assertThat(response.status()).as(response.toString()).isEqualTo(201);
        assertThat(search(BOT, "gronkle polish cloth")).first().isEqualTo("frontmatter-article");
    }

    @Test
    void htmlBodyIsReadWithTheHtmlReader() {
        String page = "<html lang=\"en\"><head><title>Quibble settings</title></head><body><nav>Menu</nav>"
                + "<h1>Quibble settings</h1><p>Turn the quibble dial to level seven for best results.</p></body></html>";
        TestServer.Response response = server.put("/v1/articles/quibble-settings", ADMIN, Map.of("body", page, "format", "html"));

        assertThat(response.status()).as(response.toString()).isEqualTo(201);
        assertThat(search(BOT, "quibble dial level seven")).first().isEqualTo("quibble-settings");
    }

    @Test
    void badFrontMatterIs400() {
        TestServer.Response response = server.put("/v1/articles/broken", ADMIN,
                Map.of("body", "---\ntitle: [unclosed\nlocale: en\n---\nText.\n"));

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.json().get("type").asText()).isEqualTo("urn:assist:problem:invalid-article");
        assertThat(response.json().get("detail").asText()).contains("front matter");
    }

    @Test
    void unknownVisibilityIs400() {
        Map<String, Object> secret = article("Secret", "Nobody may see this.");
        secret.put("visibility", "secret");
        TestServer.Response response = server.put("/v1/articles/secret", ADMIN, secret);

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.json().get("detail").asText()).contains("unknown visibility 'secret'");
    }

    @Test
    void unknownVisibilityInFrontMatterIs400() {
        TestServer.Response response = server.put("/v1/articles/secret", ADMIN,
                Map.of("body", "---\ntitle: Secret\nlocale: en\nvisibility: private\n---\nText.\n"));

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.json().get("detail").asText()).contains("unknown visibility 'private'");
    }

    @Test
    void idInFrontMatterMustMatchThePath() {
        TestServer.Response response = server.put("/v1/articles/one-id", ADMIN,
                Map.of("body", "---\nid: another-id\ntitle: T\nlocale: en\n---\nText.\n"));

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.json().get("detail").asText()).contains("another-id").contains("one-id");
    }

    @Test
    void missingTitleOrLocaleIs400() {
        assertThat(server.put("/v1/articles/untitled", ADMIN, Map.of("body", "Text.", "locale", "en")).json()
                .get("detail").asText()).contains("missing title");
        assertThat(server.put("/v1/articles/unlocalized", ADMIN, Map.of("body", "Text.", "title", "T")).json()
                .get("detail").asText()).contains("locale is required");
        assertThat(server.put("/v1/articles/badlocale", ADMIN, Map.of("body", "Text.", "title", "T", "locale", "qq")).status())
                .isEqualTo(400);
    }

    @Test
    void unknownFormatIs400() {
        TestServer.Response response = server.put("/v1/articles/pdf", ADMIN,
                Map.of("body", "%PDF", "title", "T", "locale", "en", "format", "pdf"));

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.json().get("detail").asText()).contains("unknown format 'pdf'");
    }

    @Test
    void invalidArticleIdIs400() {
        TestServer.Response response = server.put("/v1/articles/-bad%20id", ADMIN, article("T", "Text."));

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.json().get("type").asText()).isEqualTo("urn:assist:problem:invalid-article-id");
    }
}
