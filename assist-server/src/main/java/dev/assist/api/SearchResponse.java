package dev.assist.api;

import dev.assist.compose.Snippets;
import dev.assist.index.StoredChunk;
import dev.assist.pipeline.Retrieval;
import dev.assist.rerank.ScoredPassage;
import java.util.List;
import java.util.Map;

/** The body of {@code POST /v1/search}: ranked articles, one result per article, best first. */
public record SearchResponse(String query, String language, List<Result> results, Map<String, Double> timingsMs) {

    public static SearchResponse from(Retrieval retrieval, int limit, Map<String, Double> timings) {
        return new SearchResponse(retrieval.query(), retrieval.language(),
                retrieval.passages().stream().limit(limit).map(Result::from).toList(), timings);
    }

    /**
     * One article, through its best-matching chunk.
     *
     * @param section the help-center section of the article
     * @param heading the headings above the chunk inside the article ({@code Download an invoice})
     * @param snippet the chunk's sentence that best matches the query
     * @param text the whole chunk
     */
    public record Result(String articleId, String title, String url, String section, String heading, String snippet,
                         String text, double score, String language, String visibility) {
        static Result from(ScoredPassage passage) {
            StoredChunk chunk = passage.passage().chunk();
            return new Result(chunk.articleId(), chunk.title(), chunk.url(), chunk.section(), chunk.sectionPath(),
                    Snippets.of(passage), chunk.text(), Math.round(passage.score() * 10_000) / 10_000.0,
                    chunk.language(), chunk.visibility());
        }
    }
}
