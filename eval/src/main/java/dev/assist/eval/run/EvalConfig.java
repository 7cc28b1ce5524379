package dev.assist.eval.run;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.assist.config.AssistConfig;
import dev.assist.config.ConfigException;
import dev.assist.config.ConfigLoader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;

/**
 * One configuration of an eval run, read from a file in {@code eval/configs/}: an optional
 * {@code eval:} section says which system to run and how, everything else is the server's own
 * configuration, merged over its defaults and validated by {@link ConfigLoader} (so an eval
 * variant is exactly what a server would run with that file).
 *
 * <pre>
 * eval:
 *   name: default                 # shown in reports (default: the file name)
 *   pipeline: assist              # assist | langchain4j-naive
 *   composer: extractive          # extractive | llm (the ASSIST_LLM_* environment)
 *   naive:                        # only for langchain4j-naive
 *     max_segment_tokens: 300
 *     overlap_tokens: 30
 *     max_results: 30
 *     min_score: 0.0
 * retrieval: ...                  # server configuration
 * </pre>
 */
public record EvalConfig(String name, Path file, Pipeline pipeline, Composer composer, Naive naive, AssistConfig server) {

    /** Which system answers. */
    public enum Pipeline {
        ASSIST, LANGCHAIN4J_NAIVE;

        static Pipeline parse(String value) {
            return switch (value) {
                case "assist" -> ASSIST;
                case "langchain4j-naive" -> LANGCHAIN4J_NAIVE;
                default -> throw new ConfigException("eval.pipeline must be assist or langchain4j-naive, got '" + value + "'");
            };
        }

        public String wireName() {
            return name().toLowerCase(Locale.ROOT).replace('_', '-');
        }
    }

    /** How answers are composed: extractive, or by the language model the environment configures. */
    public enum Composer {
        EXTRACTIVE, LLM;

        static Composer parse(String value) {
            return switch (value) {
                case "extractive" -> EXTRACTIVE;
                case "llm" -> LLM;
                default -> throw new ConfigException("eval.composer must be extractive or llm, got '" + value + "'");
            };
        }
    }

    /**
     * LangChain4j's standard path, as its "easy RAG" sets it up: a recursive splitter of
     * {@code maxSegmentTokens} tokens with {@code overlapTokens} of overlap, top {@code maxResults}
     * segments by cosine, none under {@code minScore}.
     */
    public record Naive(int maxSegmentTokens, int overlapTokens, int maxResults, double minScore) {
        public static final Naive DEFAULTS = new Naive(300, 30, 30, 0.0);

        public Naive {
            if (maxSegmentTokens < 16 || overlapTokens < 0 || overlapTokens >= maxSegmentTokens || maxResults < 1) {
                throw new ConfigException("eval.naive: max_segment_tokens >= 16, 0 <= overlap_tokens < max_segment_tokens, max_results >= 1");
            }
            if (minScore < 0 || minScore > 1) {
                throw new ConfigException("eval.naive.min_score must be within [0, 1]");
            }
        }
    }

    private record EvalSection(String name, String pipeline, String composer, NaiveSection naive) {
    }

    private record NaiveSection(Integer maxSegmentTokens, Integer overlapTokens, Integer maxResults, Double minScore) {
    }

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory())
            .setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    /** The built-in server configuration, Assist's pipeline, extractive answers. */
    public static EvalConfig defaults(Map<String, String> env) {
        return new EvalConfig("default", null, Pipeline.ASSIST, Composer.EXTRACTIVE, Naive.DEFAULTS, ConfigLoader.defaults(env));
    }

    public static EvalConfig load(Path file, Map<String, String> env) {
        if (!Files.isRegularFile(file)) {
            throw new ConfigException("config file not found: " + file);
        }
        JsonNode tree;
        try {
            tree = YAML.readTree(file.toFile());
        } catch (IOException e) {
            throw new ConfigException(file + ": invalid YAML: " + e.getMessage(), e);
        }
        ObjectNode root = tree == null || tree.isNull() || tree.isMissingNode() ? YAML.createObjectNode() : asObject(tree, file);
        JsonNode evalNode = root.remove("eval");
        EvalSection section;
        try {
            section = evalNode == null || evalNode.isNull() ? new EvalSection(null, null, null, null)
                    : YAML.treeToValue(evalNode, EvalSection.class);
        } catch (IOException e) {
            throw new ConfigException(file + ": eval: " + e.getMessage().lines().findFirst().orElse(""), e);
        }
        String fileName = file.getFileName().toString().replaceFirst("\\.ya?ml$", "");
        String name = section.name() == null || section.name().isBlank() ? fileName : section.name();
        Pipeline pipeline = Pipeline.parse(section.pipeline() == null ? "assist" : section.pipeline());
        Composer composer = Composer.parse(section.composer() == null ? "extractive" : section.composer());
        NaiveSection n = section.naive();
        Naive naive = n == null ? Naive.DEFAULTS : new Naive(
                n.maxSegmentTokens() == null ? Naive.DEFAULTS.maxSegmentTokens() : n.maxSegmentTokens(),
                n.overlapTokens() == null ? Naive.DEFAULTS.overlapTokens() : n.overlapTokens(),
                n.maxResults() == null ? Naive.DEFAULTS.maxResults() : n.maxResults(),
                n.minScore() == null ? Naive.DEFAULTS.minScore() : n.minScore());
        AssistConfig server = ConfigLoader.load(root, file.toString(), env);
        return new EvalConfig(name, file, pipeline, composer, naive, server);
    }

    private static ObjectNode asObject(JsonNode tree, Path file) {
        if (!tree.isObject()) {
            throw new ConfigException(file + ": the configuration must be a YAML mapping");
        }
        return (ObjectNode) tree;
    }

    /** One line for reports: the pipeline choices this configuration makes. */
    public String describe() {
        if (pipeline == Pipeline.LANGCHAIN4J_NAIVE) {
            return String.format(Locale.ROOT, "langchain4j-naive: recursive splitter %d/%d tokens, in-memory store, top %d by cosine, min score %.2f",
                    naive.maxSegmentTokens(), naive.overlapTokens(), naive.maxResults(), naive.minScore());
        }
        AssistConfig.Retrieval r = server.retrieval();
        String fusion = r.retriever().equals("hybrid") ? " + " + r.fusion() : "";
        return String.format(Locale.ROOT, "%s%s, rerank %s, %s answers, hand-off threshold %.2f",
                r.retriever(), fusion, server.rerank().kind(), composer.name().toLowerCase(Locale.ROOT),
                server.compose().extractive().threshold());
    }
}
