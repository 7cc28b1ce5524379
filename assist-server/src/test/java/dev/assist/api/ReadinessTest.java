package dev.assist.api;

import static dev.assist.api.TestServer.BOT;
import static org.assertj.core.api.Assertions.assertThat;

import dev.assist.Assist;
import dev.assist.knowledge.LiveIndex;
import dev.assist.testing.SamplesIndex;
import dev.assist.testing.SharedEmbedder;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The port answers before the index is open: alive at once, ready only when the index is. */
class ReadinessTest {
    @TempDir
    Path dir;

    @Test
    void readyzIs503UntilTheIndexIsOpen() throws Exception {
        Path index = SamplesIndex.copy(dir.resolve("index"));
        CountDownLatch release = new CountDownLatch(1);
        Assist assist = new Assist(TestServer.config(), SharedEmbedder.get(), model -> {
            await(release);
            return LiveIndex.open(index, model);
        }, false).start();
        try (TestServer server = TestServer.around(assist)) {
            assertThat(server.get("/healthz").status()).isEqualTo(200);
            TestServer.Response notReady = server.get("/readyz");
            assertThat(notReady.status()).isEqualTo(503);
            assertThat(notReady.contentType()).startsWith("application/problem+json");
            assertThat(notReady.header("Retry-After")).isNotBlank();
            assertThat(notReady.json().get("detail").asText()).contains("still opening");
            TestServer.Response answer = server.post("/v1/answer", BOT, Map.of("question", "invoices"));
            assertThat(answer.status()).isEqualTo(503);
            assertThat(answer.json().get("type").asText()).isEqualTo("urn:assist:problem:not-ready");
            assertThat(server.post("/v1/answer", null, Map.of("question", "invoices")).status()).isEqualTo(401);

            release.countDown();
            assist.ready().get(2, TimeUnit.MINUTES);

            assertThat(server.get("/readyz").status()).isEqualTo(200);
            assertThat(server.post("/v1/answer", BOT, Map.of("question", "invoices")).status()).isEqualTo(200);
        }
    }

    @Test
    void indexThatCannotBeOpenedKeepsTheServerUnreadyAndSaysSo() throws Exception {
        Assist assist = new Assist(TestServer.config(), SharedEmbedder.get(), model -> {
            throw new IOException("disk on fire at /secret/path");
        }, false).start();
        try (TestServer server = TestServer.around(assist)) {
            assertThat(assist.ready()).failsWithin(java.time.Duration.ofSeconds(30));
            TestServer.Response ready = server.get("/readyz");
            assertThat(ready.status()).isEqualTo(503);
            assertThat(ready.json().get("detail").asText()).contains("could not be opened").doesNotContain("/secret/path");
            assertThat(server.get("/healthz").status()).isEqualTo(200);
        }
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
