package dev.assist.retrieve;

import static org.assertj.core.api.Assertions.assertThat;

import dev.assist.knowledge.LiveIndex;
import dev.assist.source.Article;
import dev.assist.source.Visibility;
import dev.assist.testing.SharedEmbedder;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A filter that excludes nothing is dropped; one that excludes anything stays. */
class RetrievalFilterTest {
    @TempDir
    Path dir;

    private static Article article(String tenant, String id, Visibility visibility, String locale) {
        return new Article(tenant, id, "Parcel tracking " + id, "Open Orders and press Track to follow your parcel.", locale,
                visibility, null, List.of(), "Parcels", null, null, id + ".md");
    }

    private static Query narrowing(LiveIndex index, String tenant, Channel channel, String... languages) throws IOException {
        IndexSearcher searcher = index.searchers().acquire();
        try {
            return RetrievalFilter.narrowing(searcher,
                    RetrievalFilter.of(new SearchQuery(tenant, "parcel", List.of(languages), channel, 10)));
        } finally {
            index.searchers().release(searcher);
        }
    }

    @Test
    void aFilterIsKeptExactlyWhileItExcludesSomething() throws IOException {
        try (LiveIndex index = LiveIndex.open(dir.resolve("index"), SharedEmbedder.get())) {
            index.upsert(article("acme", "tracking", Visibility.PUBLIC, "en"));
            assertThat(narrowing(index, "acme", Channel.BOT, "en")).as("one tenant, public, English").isNull();
            assertThat(narrowing(index, "globex", Channel.BOT, "en")).as("another tenant").isNotNull();
            assertThat(narrowing(index, "acme", Channel.BOT, "de")).as("another language").isNotNull();

            index.upsert(article("acme", "internal-tracking", Visibility.INTERNAL, "en"));
            assertThat(narrowing(index, "acme", Channel.BOT, "en")).as("a bot must not see the internal one").isNotNull();
            assertThat(narrowing(index, "acme", Channel.AGENT, "en")).as("an agent sees both").isNull();

            index.upsert(article("globex", "tracking", Visibility.PUBLIC, "en"));
            assertThat(narrowing(index, "acme", Channel.AGENT, "en")).as("a second tenant").isNotNull();

            index.delete("globex", "tracking");
            assertThat(narrowing(index, "acme", Channel.AGENT, "en")).as("deleted documents do not count").isNull();
        }
    }
}
