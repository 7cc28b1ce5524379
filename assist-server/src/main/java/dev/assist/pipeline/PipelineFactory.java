package dev.assist.pipeline;

import dev.assist.compose.Composer;
import dev.assist.compose.ExtractiveComposer;
import dev.assist.compose.GenerativeComposer;
import dev.assist.compose.GroundingCheck;
import dev.assist.llm.LlmAnswerGenerator;
import dev.assist.llm.LlmConfig;
import dev.assist.llm.LlmQueryRewriter;
import dev.assist.llm.Prompts;
import dev.assist.llm.ResilientChat;
import dev.assist.rewrite.LlmFallbackRewriter;
import dev.assist.rewrite.QueryRewriter;
import dev.assist.config.AssistConfig;
import dev.assist.config.ConfigException;
import dev.assist.conversation.QuestionLanguage;
import dev.assist.embed.Embedder;
import dev.assist.index.LanguageAnalyzers;
import dev.assist.rerank.CrossEncoder;
import dev.assist.rerank.CrossEncoderException;
import dev.assist.rerank.CrossEncoderReranker;
import dev.assist.rerank.Diversifier;
import dev.assist.rerank.NoReranker;
import dev.assist.rerank.PassageReranker;
import dev.assist.rerank.Reranker;
import dev.assist.rerank.RerankerKind;
import dev.assist.rerank.SentenceScorer;
import dev.assist.rerank.SentenceVectors;
import dev.assist.rerank.TermCoverage;
import dev.assist.retrieve.AdaptiveFusion;
import dev.assist.retrieve.ConvexCombinationFusion;
import dev.assist.retrieve.Fusion;
import dev.assist.retrieve.FusionKind;
import dev.assist.retrieve.HybridRetriever;
import dev.assist.retrieve.LexicalRetriever;
import dev.assist.retrieve.QueryEncoder;
import dev.assist.retrieve.ReciprocalRankFusion;
import dev.assist.retrieve.RetrieverKind;
import dev.assist.retrieve.VectorLanguages;
import dev.assist.rewrite.HistoryQueryRewriter;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.lucene.search.SearcherManager;

/**
 * Builds the pipeline a configuration names. The embedding caches and loaded cross-encoders are
 * shared by every pipeline built from one factory, so A/B variants in an eval run do not embed
 * twice and the answer and search pipelines hold one copy of a model.
 */
public final class PipelineFactory {
    private final Embedder embedder;
    private final LanguageAnalyzers analyzers = new LanguageAnalyzers();
    private final QueryEncoder queries;
    private final SentenceVectors sentences;
    private final LlmConfig llm;
    private final ResilientChat chat;
    private final Map<CrossEncoderFiles, CrossEncoder> crossEncoders = new ConcurrentHashMap<>();

    public PipelineFactory(Embedder embedder, long cachedQueries, long cachedSentences, LlmConfig llm) {
        this.embedder = embedder;
        this.queries = new QueryEncoder(embedder, cachedQueries);
        this.sentences = new SentenceVectors(embedder, cachedSentences);
        this.llm = llm;
        this.chat = llm.enabled() ? ResilientChat.create(llm) : null;
    }

    /** Forgets the cached query vectors of every pipeline this factory built. */
    public void forgetQueries() {
        queries.forget();
    }

    /** Extractive only: no language model. */
    public static PipelineFactory forConfig(Embedder embedder, AssistConfig config) {
        return forConfig(embedder, config, LlmConfig.none());
    }

    /**
     * Loads the configured cross-encoder now, so a wrong path fails at start-up, not on the first
     * question.
     *
     * @throws ConfigException when the re-ranker's model cannot be loaded
     */
    public static PipelineFactory forConfig(Embedder embedder, AssistConfig config, LlmConfig llm) {
        PipelineFactory factory = new PipelineFactory(embedder, config.cache().queries(), config.cache().sentences(), llm);
        if (RerankerKind.parse(config.rerank().kind()) == RerankerKind.CROSS_ENCODER) {
            factory.crossEncoder(config.rerank());
        }
        return factory;
    }

    public LlmConfig llm() {
        return llm;
    }

    public Embedder embedder() {
        return embedder;
    }

    /**
     * Embeds the sentences of every multi-sentence passage in the index into the sentence cache
     * (up to its size), so that re-ranking and extractive answers rarely embed during a request.
     * Returns how many sentences were embedded.
     */
    public int warmSentences(SearcherManager searchers) throws java.io.IOException {
        return sentences.warm(searchers);
    }

    public AssistPipeline build(AssistConfig config, SearcherManager searchers, StageObserver observer) {
        AssistConfig.Retrieval retrieval = config.retrieval();
        HybridRetriever retriever = new HybridRetriever(searchers,
                new LexicalRetriever(analyzers, retrieval.titleBoost()), queries, fusion(retrieval),
                RetrieverKind.parse(retrieval.retriever()), retrieval.depth(), VectorLanguages.of(retrieval.vectorLanguages()));
        SentenceScorer scorer = new SentenceScorer(queries, sentences, new TermCoverage(analyzers));
        AssistConfig.Rerank rerank = config.rerank();
        ExtractiveComposer extractive = new ExtractiveComposer(scorer, config.compose().confidence(), config.compose().extractive());
        QueryRewriter rewriter = new HistoryQueryRewriter(analyzers);
        Composer composer = extractive;
        if (chat != null) {
            Prompts prompts = Prompts.fromClasspath();
            rewriter = new LlmFallbackRewriter(new LlmQueryRewriter(chat, prompts), rewriter);
            composer = new GenerativeComposer(new LlmAnswerGenerator(chat, prompts), new GroundingCheck(embedder), extractive,
                    rerank.passages());
        }
        return new AssistPipeline(
                new QuestionLanguage(config.languages(), config.defaultLanguage()),
                rewriter,
                retriever,
                reranker(rerank, scorer, VectorLanguages.of(retrieval.vectorLanguages())),
                new Diversifier(rerank.maxPerArticle(), rerank.mmrLambda()),
                composer,
                new PipelineSettings(config.fallbackLanguages(), retrieval.candidates(), rerank.passages()),
                observer);
    }

    /** The fusion a configuration names (also used where weights are fitted under the same fusion). */
    public static Fusion fusion(AssistConfig.Retrieval retrieval) {
        return switch (FusionKind.parse(retrieval.fusion())) {
            case RRF -> new ReciprocalRankFusion(retrieval.rrfK(), retrieval.rrfLexicalWeight(), retrieval.rrfVectorWeight());
            case CONVEX -> new ConvexCombinationFusion(retrieval.convexAlpha());
            case ADAPTIVE -> new AdaptiveFusion(retrieval.adaptiveRank(), retrieval.adaptivePower());
        };
    }

    private Reranker reranker(AssistConfig.Rerank rerank, SentenceScorer scorer, VectorLanguages vectorLanguages) {
        return switch (RerankerKind.parse(rerank.kind())) {
            case NONE -> new NoReranker();
            case PASSAGE -> new PassageReranker(scorer, rerank.weights(), rerank.depth(), vectorLanguages);
            case CROSS_ENCODER -> new CrossEncoderReranker(crossEncoder(rerank), rerank.depth());
        };
    }

    private CrossEncoder crossEncoder(AssistConfig.Rerank rerank) {
        CrossEncoderFiles files = new CrossEncoderFiles(
                path(rerank.crossEncoderModel(), "rerank.cross_encoder_model", "the cross-encoder's ONNX file"),
                path(rerank.crossEncoderTokenizer(), "rerank.cross_encoder_tokenizer", "the cross-encoder's tokenizer.json"));
        try {
            return crossEncoders.computeIfAbsent(files, f -> CrossEncoder.load(f.model(), f.tokenizer()));
        } catch (CrossEncoderException e) {
            throw new ConfigException(e.getMessage(), e);
        }
    }

    private static Path path(String value, String key, String what) {
        if (value == null || value.isBlank()) {
            throw new ConfigException("rerank.kind is cross-encoder but " + key + " is not set; set it to " + what);
        }
        try {
            return Path.of(value).toAbsolutePath().normalize();
        } catch (InvalidPathException e) {
            throw new ConfigException(key + ": '" + value + "' is not a file path: " + e.getMessage(), e);
        }
    }

    /** Where a cross-encoder was loaded from: one loaded model per pair of files. */
    private record CrossEncoderFiles(Path model, Path tokenizer) {
    }
}
