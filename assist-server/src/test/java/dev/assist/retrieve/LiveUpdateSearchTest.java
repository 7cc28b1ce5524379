package dev.assist.retrieve;

import static org.assertj.core.api.Assertions.assertThat;

import dev.assist.index.LanguageAnalyzers;
import dev.assist.knowledge.LiveIndex;
import dev.assist.source.Article;
import dev.assist.source.Visibility;
import dev.assist.testing.SharedEmbedder;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Searches keep filters as cached bit sets and loaded passages per segment; a live update or delete
 * must still show at once, and a cached filter must never let another tenant's or an internal article through.
 */
class LiveUpdateSearchTest {
    @TempDir
    Path dir;
    private LiveIndex index;
    private HybridRetriever retriever;

    @BeforeEach
    void open() throws IOException {
        index = LiveIndex.open(dir.resolve("index"), SharedEmbedder.get());
        retriever = new HybridRetriever(index.searchers(), new LexicalRetriever(new LanguageAnalyzers(), 1.5f),
                new QueryEncoder(SharedEmbedder.get(), 100), new ConvexCombinationFusion(0.5), RetrieverKind.HYBRID, 50);
        index.upsert(article("acme", "parcel-tracking", Visibility.PUBLIC, "Tracking a parcel",
                "Open Orders and press Track to follow your parcel on the map."));
        index.upsert(article("acme", "parcel-refunds", Visibility.INTERNAL, "Refunds for lost parcels",
                "Agents may refund a lost parcel after seven days without a tracking update."));
        index.upsert(article("globex", "parcel-lockers", Visibility.PUBLIC, "Parcel lockers",
                "Globex parcels can be sent to a locker; the locker code arrives by text message."));
    }

    @AfterEach
    void close() throws IOException {
        index.close();
    }

    private static Article article(String tenant, String id, Visibility visibility, String title, String body) {
        return new Article(tenant, id, title, body, "en", visibility, null, List.of(), "Parcels", null, null, id + ".md");
    }

    private List<Candidate> search(String tenant, Channel channel, String text) {
        // Twice: the second search runs on the cached filter and cached passages.
        retriever.retrieve(new SearchQuery(tenant, text, List.of("en"), channel, 10));
        return retriever.retrieve(new SearchQuery(tenant, text, List.of("en"), channel, 10));
    }

    private static List<String> texts(List<Candidate> found) {
        return found.stream().map(c -> c.passage().text()).toList();
    }

    @ParameterizedTest
    @EnumSource(Channel.class)
    void anUpdatedArticleIsFoundWithItsNewTextAfterCachedSearches(Channel channel) throws IOException {
        assertThat(texts(search("acme", channel, "track my parcel"))).anySatisfy(t -> assertThat(t).contains("press Track"));

        index.upsert(article("acme", "parcel-tracking", Visibility.PUBLIC, "Tracking a parcel",
                "Open Deliveries and choose Follow to see where your parcel is."));

        List<String> after = texts(search("acme", channel, "track my parcel"));
        assertThat(after).anySatisfy(t -> assertThat(t).contains("choose Follow"));
        assertThat(after).noneSatisfy(t -> assertThat(t).contains("press Track"));
    }

    @ParameterizedTest
    @EnumSource(Channel.class)
    void aDeletedArticleIsGoneAfterCachedSearches(Channel channel) throws IOException {
        assertThat(search("acme", channel, "track my parcel")).isNotEmpty();

        index.delete("acme", "parcel-tracking");

        assertThat(search("acme", channel, "track my parcel"))
                .noneSatisfy(c -> assertThat(c.passage().articleId()).isEqualTo("parcel-tracking"));
    }

    @ParameterizedTest
    @EnumSource(Channel.class)
    void cachedFiltersKeepTenantsAndVisibilityApartAcrossUpdates(Channel channel) throws IOException {
        search("acme", channel, "lost parcel refund locker");
        index.upsert(article("globex", "parcel-refunds", Visibility.INTERNAL, "Globex refunds",
                "Globex refunds a lost parcel with a locker voucher."));
        index.upsert(article("acme", "parcel-insurance", Visibility.INTERNAL, "Parcel insurance",
                "Insured parcels are refunded in full when lost."));

        List<Candidate> found = search("acme", channel, "lost parcel refund locker");

        assertThat(found).isNotEmpty().allSatisfy(c -> {
            assertThat(c.passage().chunk().tenant()).isEqualTo("acme");
            if (channel == Channel.BOT) {
                assertThat(c.passage().chunk().visibility()).isEqualTo("public");
            }
        });
        if (channel == Channel.AGENT) {
            assertThat(found).anySatisfy(c -> assertThat(c.passage().articleId()).isEqualTo("parcel-insurance"));
        }
    }
}
